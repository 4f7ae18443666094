import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { errorPaths, json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>
let id: number

const statuses = async (table: string, docId: number): Promise<Record<string, string>> => {
  const client = new pg.Client({ connectionString: db.databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(`select _locale, _status from ${table} where _parent_id = $1`, [docId])
    return Object.fromEntries(rows.map((row) => [row._locale as string, row._status as string]))
  } finally {
    await client.end()
  }
}

const read = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${api.url}${path}`, { headers })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const graphql = async (query: string) => {
  const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(), body: JSON.stringify({ query }) })
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] }
}

const patch = (path: string, body: Record<string, unknown>) =>
  fetch(`${api.url}${path}`, { method: 'PATCH', headers: json(editor), body: JSON.stringify(body) })

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  await createStaff(db.payload)
  editor = await login(api.url, 'editor@lagon.test', password)
  const doc = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: { title: '新喀里多尼亚上网', destination: 'NC', sourceLocale: 'zh', _status: 'published' },
  })
  id = doc.id
  // fr was published, then withdrawn: its text stays in the document, marked draft. Readers must
  // not see it. A newer fr draft exists too.
  await db.payload.update({ collection: 'articles', id, locale: 'fr', data: { title: 'Internet (retirée)', _status: 'published' } })
  await db.payload.update({ collection: 'articles', id, locale: 'fr', data: { _status: 'draft' } })
  await db.payload.update({ collection: 'articles', id, locale: 'fr', draft: true, data: { title: 'Internet (brouillon)' } })
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

describe('publishing one locale', () => {
  it('publishes that locale and leaves the others as they were', async () => {
    const response = await patch(`/api/articles/${id}?locale=en`, { title: 'Getting online in New Caledonia', _status: 'published' })
    expect(response.status).toBe(200)
    expect(await statuses('articles_locales', id)).toEqual({ zh: 'published', en: 'published', fr: 'draft' })
  })

  it('anonymous REST reads get the published locales, and a 404 for the unpublished one: no fallback labelled fr', async () => {
    expect((await read(`/api/articles/${id}?locale=en&depth=0`)).body.title).toBe('Getting online in New Caledonia')
    expect((await read(`/api/articles/${id}?locale=zh&depth=0`)).body.title).toBe('新喀里多尼亚上网')
    const fr = await read(`/api/articles/${id}?locale=fr&depth=0`)
    expect(fr.status).toBe(404)
    expect(JSON.stringify(fr.body)).not.toMatch(/Internet|Getting online|新喀里多尼亚/)
    expect((await read(`/api/articles/${id}?locale=fr&depth=0&fallback-locale=none`)).status).toBe(404)
    const frList = await read('/api/articles?locale=fr&depth=0')
    expect(frList.body.docs).toEqual([])
    const enList = await read('/api/articles?locale=en&depth=0')
    expect((enList.body.docs as { id: number }[]).map((doc) => doc.id)).toEqual([id])
  })

  it('staff still read the fr draft', async () => {
    const fr = await read(`/api/articles/${id}?locale=fr&depth=0&draft=true`, editor)
    expect(fr.body.title).toBe('Internet (brouillon)')
  })

  it('anonymous GraphQL reads: the published locale, null for the unpublished one', async () => {
    const en = await graphql(`{ Article(id: ${id}, locale: en) { title } }`)
    expect(en.data?.Article).toEqual({ title: 'Getting online in New Caledonia' })
    const fr = await graphql(`{ Article(id: ${id}, locale: fr) { title } }`)
    expect(fr.data?.Article ?? null).toBeNull()
    const list = await graphql('{ Articles(locale: fr) { docs { id title } } }')
    expect(list.data?.Articles).toEqual({ docs: [] })
  })

  it('locale=all gives anonymous readers only the published locales, even filtered on _status', async () => {
    for (const path of [
      `/api/articles/${id}?locale=all&depth=0`,
      `/api/articles?locale=all&depth=0`,
      `/api/articles?locale=all&depth=0&where[_status][equals]=published`,
      `/api/articles/${id}?locale=all&depth=0&draft=true`,
    ]) {
      const { body } = await read(path)
      const docs = 'docs' in body ? (body.docs as Record<string, unknown>[]) : [body]
      expect(JSON.stringify(body), path).not.toMatch(/retirée|brouillon/)
      for (const doc of docs) {
        expect(doc.title, path).toEqual({ zh: '新喀里多尼亚上网', en: 'Getting online in New Caledonia' })
        expect(doc._status, path).toEqual({ zh: 'published', en: 'published' })
      }
    }
  })

  it('locale=all takes no reader condition on translated text: it would test unpublished locales too', async () => {
    const { status, body } = await read('/api/articles?locale=all&depth=0&where[title][like]=retirée')
    expect(status).toBe(400)
    expect(errorPaths(body)).toEqual(['where[title]'])
    expect((await read('/api/articles/count?locale=zh&where[title.fr][like]=retirée')).status).toBe(400)
    expect((await read('/api/articles/count?locale=fr&where[title][like]=retirée')).body.totalDocs).toBe(0)
  })

  it('locale=all lists no document that is published in no locale', async () => {
    const draft = await db.payload.create({
      collection: 'tips',
      locale: 'zh',
      draft: true,
      data: { title: '草稿提示', destination: 'NC', category: 'other' },
    })
    const { body } = await read('/api/tips?locale=all&depth=0&where[_status][equals]=draft')
    expect((body.docs as { id: number }[]).map((doc) => doc.id)).not.toContain(draft.id)
    expect(JSON.stringify(body)).not.toContain('草稿提示')
  })
})

describe('a save into a locale that is not published', () => {
  it('is a draft even without ?draft=true: nothing reaches the document readers get', async () => {
    const before = await statuses('articles_locales', id)
    const response = await patch(`/api/articles/${id}?locale=fr`, { title: 'Internet (sans draft=true)' })
    expect(response.status).toBe(200)
    expect(await statuses('articles_locales', id)).toEqual(before)
    const client = new pg.Client({ connectionString: db.databaseUrl })
    await client.connect()
    const { rows } = await client.query(`select title from articles_locales where _parent_id = $1 and _locale = 'fr'`, [id])
    await client.end()
    expect(rows[0]?.title).toBe('Internet (retirée)')
    expect((await read(`/api/articles/${id}?locale=fr&depth=0&draft=true`, editor)).body.title).toBe('Internet (sans draft=true)')
  })
})

describe('unpublishing one locale', () => {
  it('takes that locale down and leaves the others live', async () => {
    const response = await patch(`/api/articles/${id}?locale=en`, { _status: 'draft' })
    expect(response.status).toBe(200)
    expect(await statuses('articles_locales', id)).toEqual({ zh: 'published', en: 'draft', fr: 'draft' })
    expect((await read(`/api/articles/${id}?locale=en&depth=0`)).status).toBe(404)
    expect((await read(`/api/articles/${id}?locale=zh&depth=0`)).body.title).toBe('新喀里多尼亚上网')
  })
})

describe('publishing every locale at once', () => {
  it('is the admin menu option, and an explicit flag', async () => {
    const tip = await db.payload.create({
      collection: 'tips',
      locale: 'zh',
      draft: true,
      data: { title: '一次发布', destination: 'NC', category: 'other' },
    })
    await db.payload.update({ collection: 'tips', id: tip.id, locale: 'en', draft: true, data: { title: 'All at once' } })
    expect(await statuses('tips_locales', tip.id)).toEqual({ zh: 'draft' })
    const response = await patch(`/api/tips/${tip.id}?locale=zh&publishAllLocales=true`, { _status: 'published' })
    expect(response.status).toBe(200)
    expect(await statuses('tips_locales', tip.id)).toMatchObject({ zh: 'published', en: 'published' })
    expect((await read(`/api/tips/${tip.id}?locale=en&depth=0`)).body.title).toBe('All at once')
  })
})

describe('scheduled publishing', () => {
  it("Payload's schedulePublish job publishes the one locale it names", async () => {
    const tip = await db.payload.create({
      collection: 'tips',
      locale: 'zh',
      data: { title: '定时发布', destination: 'NC', category: 'other', sourceLocale: 'zh', _status: 'published' },
    })
    await db.payload.update({ collection: 'tips', id: tip.id, locale: 'fr', draft: true, data: { title: 'Publié plus tard' } })
    await db.payload.update({ collection: 'tips', id: tip.id, locale: 'en', draft: true, data: { title: 'Published later' } })
    await db.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', locale: 'fr', doc: { relationTo: 'tips', value: tip.id } },
      waitUntil: new Date(Date.now() + 60_000),
    })
    await db.payload.jobs.run()
    expect((await read(`/api/tips/${tip.id}?locale=fr&depth=0`)).status).toBe(404)

    await db.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', locale: 'fr', doc: { relationTo: 'tips', value: tip.id } },
      waitUntil: new Date(Date.now() - 1_000),
    })
    await db.payload.jobs.run()
    expect(await statuses('tips_locales', tip.id)).toMatchObject({ zh: 'published', fr: 'published' })
    expect((await statuses('tips_locales', tip.id)).en ?? 'draft').toBe('draft')
    expect((await read(`/api/tips/${tip.id}?locale=fr&depth=0`)).body.title).toBe('Publié plus tard')
    expect((await read(`/api/tips/${tip.id}?locale=en&depth=0`)).status).toBe(404)
  })
})

describe('a draft save', () => {
  it('stays a draft even when its data says published (what copy-to-locale sends)', async () => {
    const tip = await db.payload.create({
      collection: 'tips',
      locale: 'zh',
      data: { title: '复制', destination: 'NC', category: 'other', sourceLocale: 'zh', _status: 'published' },
    })
    const response = await patch(`/api/tips/${tip.id}?locale=fr&draft=true`, { title: 'Copie', _status: 'published' })
    expect(response.status).toBe(200)
    expect((await statuses('tips_locales', tip.id)).fr ?? 'draft').toBe('draft')
    expect((await read(`/api/tips/${tip.id}?locale=fr&depth=0`)).status).toBe(404)
  })
})
