import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startApiServer } from './helpers/apiServer'
import { errorPaths, json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, staffHeaders } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let headers: Awaited<ReturnType<typeof staffHeaders>>
let mediaId: number

const photo = (red: number) => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: red, g: 80, b: 160 } } }).png().toBuffer()

beforeAll(async () => {
  db = await startPayload('migrated', { API_RATE_LIMIT: '0' })
  api = await startApiServer()
  await createStaff(db.payload)
  headers = await staffHeaders(api.url)
  const data = await photo(10)
  const media = await db.payload.create({ collection: 'media', locale: 'zh', data: { alt: '泻湖' }, file: { data, mimetype: 'image/png', name: 'lagoon.png', size: data.length } })
  mediaId = media.id
  // Shown by a published zh page: any change to the image is live there.
  await db.payload.create({ collection: 'articles', locale: 'zh', data: { title: '泻湖', destination: 'NC', sourceLocale: 'zh', heroImage: mediaId, _status: 'published' } })
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const patchAlt = (locale: string, alt: string, who: 'translator' | 'editor') =>
  fetch(`${api.url}/api/media/${mediaId}?locale=${locale}`, { method: 'PATCH', headers: json(headers[who]), body: JSON.stringify({ alt }) })

const replaceFile = async (who: 'translator' | 'editor') => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await photo(200))], { type: 'image/png' }), 'replaced.png')
  form.append('_payload', JSON.stringify({}))
  return fetch(`${api.url}/api/media/${mediaId}?locale=fr`, { method: 'PATCH', headers: headers[who], body: form })
}

const stored = (locale: 'zh' | 'fr') => db.payload.findByID({ collection: 'media', id: mediaId, locale, fallbackLocale: false })

describe('a translator (fr) and a medium a published page shows', () => {
  it('cannot change its alt text in a locale not theirs', async () => {
    const response = await patchAlt('zh', 'changed by a translator', 'translator')
    expect(response.status).toBe(403)
    expect(errorPaths(await response.json())).toEqual(['locale'])
    expect((await stored('zh')).alt).toBe('泻湖')
  })

  it('writes the alt text of their own locale', async () => {
    expect((await patchAlt('fr', 'Le lagon', 'translator')).status).toBe(200)
    expect((await stored('fr')).alt).toBe('Le lagon')
    expect((await stored('zh')).alt).toBe('泻湖')
  })

  it('cannot replace its file, which every locale shows; an editor can', async () => {
    const before = (await stored('zh')).filename
    const refused = await replaceFile('translator')
    expect(refused.status).toBe(403)
    expect(errorPaths(await refused.json())).toEqual(['file'])
    expect((await stored('zh')).filename).toBe(before)
    const allowed = await replaceFile('editor')
    expect(allowed.status).toBe(200)
    expect((await stored('zh')).filename).not.toBe(before)
  })
})
