import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startApiServer } from './helpers/apiServer'
import { startPayload, type TestPayload } from './helpers/payload'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let id: number

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  const doc = await db.payload.create({
    collection: 'tips',
    locale: 'zh',
    data: { title: '带现金', destination: 'NC', category: 'cash', sourceLocale: 'zh', _status: 'published' },
  })
  id = doc.id
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const get = async (query: string) => {
  const response = await fetch(`${api.url}/api/tips/${id}?depth=0&${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, unknown>
}

describe('localized content', () => {
  it('keeps a value per locale, and updating one locale leaves the others alone', async () => {
    await db.payload.update({ collection: 'tips', id, locale: 'en', data: { title: 'Carry cash' } })
    await db.payload.update({ collection: 'tips', id, locale: 'fr', data: { title: 'Prévoir du liquide' } })
    await db.payload.update({ collection: 'tips', id, locale: 'en', data: { title: 'Bring cash' } })

    expect((await get('locale=zh')).title).toBe('带现金')
    expect((await get('locale=en')).title).toBe('Bring cash')
    expect((await get('locale=fr')).title).toBe('Prévoir du liquide')
  })

  it('makes the slug from the title in each locale: Chinese becomes pinyin', async () => {
    const doc = await db.payload.findByID({ collection: 'tips', id, locale: 'zh' })
    expect(doc.slug).toBe('dai-xian-jin')
  })

  it('returns every locale at once with locale=all', async () => {
    const doc = await get('locale=all')
    expect(doc.title).toEqual({ zh: '带现金', en: 'Bring cash', fr: 'Prévoir du liquide' })
  })
})

describe('fallback chains', () => {
  let only: number
  beforeAll(async () => {
    const doc = await db.payload.create({
      collection: 'tips',
      locale: 'zh',
      data: { title: '只有中文', destination: 'NC', category: 'other', sourceLocale: 'zh', _status: 'published' },
    })
    only = doc.id
  })
  const title = async (query: string) => {
    const response = await fetch(`${api.url}/api/tips/${only}?depth=0&${query}`)
    return ((await response.json()) as { title: unknown }).title
  }

  it('en falls back to zh', async () => {
    expect(await title('locale=en')).toBe('只有中文')
  })

  it('fr falls back to en before zh', async () => {
    expect(await title('locale=fr')).toBe('只有中文')
    await db.payload.update({ collection: 'tips', id: only, locale: 'en', data: { title: 'English only' } })
    expect(await title('locale=fr')).toBe('English only')
    await db.payload.update({ collection: 'tips', id: only, locale: 'fr', data: { title: 'En français' } })
    expect(await title('locale=fr')).toBe('En français')
  })

  it('gives no fallback when the client asks for none', async () => {
    const doc = await db.payload.create({
      collection: 'tips',
      locale: 'zh',
      data: { title: '无翻译', destination: 'NC', category: 'other', sourceLocale: 'zh', _status: 'published' },
    })
    const response = await fetch(`${api.url}/api/tips/${doc.id}?depth=0&locale=fr&fallback-locale=none`)
    const body = (await response.json()) as { title?: unknown }
    expect(body.title ?? null).toBeNull()
  })
})
