import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { publishedCarrier } from './helpers/content'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let sql: pg.Client
let editor: Record<string, string>
let admin: Record<string, string>
let articleId: number

beforeAll(async () => {
  // A webhook is one of the writes below; its address is this machine's (tests/webhookAddresses.test.ts checks the refusal).
  db = await startPayload('migrated', { WEBHOOK_ALLOW_PRIVATE: 'true' })
  api = await startApiServer()
  sql = new pg.Client({ connectionString: db.databaseUrl })
  await sql.connect()
  await createStaff(db.payload)
  editor = await login(api.url, 'editor@lagon.test', password)
  admin = await login(api.url, 'admin@lagon.test', password)
  const article = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: { title: '已发布', slug: 'cached-guide', destination: 'NC', _status: 'published' },
  })
  articleId = article.id
})
afterAll(async () => {
  await sql?.end()
  await api?.close()
  await db?.close()
})

const bySlug = `/api/articles?where[slug][equals]=cached-guide&locale=zh&depth=0`
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers })
const titles = async (response: Response) => ((await response.json()) as { docs: { title: string }[] }).docs.map((doc) => doc.title)

/** Changes the stored title behind Payload's back: a response that does not show it came from a cache. */
const retitleInDatabase = (title: string) =>
  sql.query(`update articles_locales set title = $1 where _parent_id = $2 and _locale = 'zh'`, [title, articleId])

const publish = (data: Record<string, unknown>, query = 'locale=zh') =>
  fetch(`${api.url}/api/articles/${articleId}?${query}`, { method: 'PATCH', headers: json(editor), body: JSON.stringify(data) })

describe('HTTP caching headers', () => {
  it('give anonymous reads public CDN caching, a strong ETag and Vary', async () => {
    const response = await get(bySlug)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=30')
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/)
    expect(response.headers.get('vary')).toMatch(/Authorization.*Cookie/)
    expect(await titles(response)).toEqual(['已发布'])
  })

  it('answer a matching If-None-Match with a 304 and no body, and a stale one with the document', async () => {
    const etag = (await get(bySlug)).headers.get('etag')!
    const again = await get(bySlug, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toContain('public')
    const list = await get(bySlug, { 'if-none-match': `"stale", W/${etag}` })
    expect(list.status).toBe(304)
    const other = await get(bySlug, { 'if-none-match': '"stale"' })
    expect(other.status).toBe(200)
    expect(await titles(other)).toEqual(['已发布'])
  })

  it.each([
    ['an Authorization header', () => ({ path: bySlug, headers: editor })],
    ['a payload-token cookie', () => ({ path: bySlug, headers: { cookie: `lang=fr; payload-token=${editor.Authorization!.slice(4)}` } })],
    ['draft=true', () => ({ path: `${bySlug}&draft=true`, headers: {} })],
    ['a bad Authorization header', () => ({ path: bySlug, headers: { authorization: 'JWT not-a-token' } })],
  ])('make a read with %s private and unstored', async (_, request) => {
    const { path, headers } = request()
    const response = await get(path, headers)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('etag')).toBeNull()
    expect(response.headers.get('vary')).toMatch(/Authorization.*Cookie/)
    expect((await get(path, { ...headers, 'if-none-match': '*' })).status).toBe(200)
  })

  it('never offer writes, errors or other endpoints to a cache', async () => {
    expect((await publish({ summary: '摘要' })).headers.get('cache-control')).toBe('private, no-store')
    expect((await get('/api/articles/999999')).headers.get('cache-control')).toBe('private, no-store')
    expect((await get('/api/users/me')).headers.get('cache-control')).toBe('private, no-store')
    expect((await get('/api/articles?locale=de')).headers.get('cache-control')).toBe('private, no-store')
  })
})

describe("Lagon's cache of public reads", () => {
  it('serves a repeated anonymous read from memory (a change made behind Payload stays unseen)', async () => {
    expect(await titles(await get(bySlug))).toEqual(['已发布'])
    await retitleInDatabase('绕过 Payload')
    expect(await titles(await get(bySlug))).toEqual(['已发布'])
    // A different URL is a different entry: it reads the database.
    expect(await titles(await get(`${bySlug}&limit=5`))).toEqual(['绕过 Payload'])
    await retitleInDatabase('已发布')
  })

  it('is kept through writes that this answer does not show (an account, a webhook, another collection), and dropped by one it shows', async () => {
    expect(await titles(await get(bySlug))).toEqual(['已发布'])
    await retitleInDatabase('幕后改名')
    await db.payload.create({ collection: 'users', data: { email: 'cache@lagon.test', name: 'cache', password, role: 'editor' } })
    const webhook = await fetch(`${api.url}/api/webhooks`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ name: 'cache', url: 'http://127.0.0.1:9/hook', events: ['published'] }),
    })
    expect(webhook.status).toBe(201)
    expect(await titles(await get(bySlug))).toEqual(['已发布'])
    // A tip is in no answer about articles: the cached read stays.
    await db.payload.create({ collection: 'tips', locale: 'zh', data: { title: '无关的提示', destination: 'NC', category: 'cash', _status: 'published' } })
    expect(await titles(await get(bySlug))).toEqual(['已发布'])
    // A write to the article it returned expires it.
    await db.payload.update({ collection: 'articles', id: articleId, locale: 'zh', data: { title: '经 Payload 改名' } })
    expect(await titles(await get(bySlug))).toEqual(['经 Payload 改名'])
    await retitleInDatabase('已发布')
    await db.payload.update({ collection: 'articles', id: articleId, locale: 'zh', data: { title: '已发布', _status: 'published' } })
  })

  it('shows an edit of a published article on the very next read', async () => {
    await get(bySlug)
    expect((await publish({ title: '改过的标题', _status: 'published' })).status).toBe(200)
    expect(await titles(await get(bySlug))).toEqual(['改过的标题'])
  })

  it('keeps a draft out of the public answer and out of the cache', async () => {
    await get(bySlug)
    expect((await publish({ title: '草稿中的标题' }, 'locale=zh&draft=true')).status).toBe(200)
    expect(await titles(await get(bySlug))).toEqual(['改过的标题'])
    expect(await titles(await get(`${bySlug}&draft=true`))).toEqual(['改过的标题'])
    const staff = await get(`${bySlug}&draft=true`, editor)
    expect(await titles(staff)).toEqual(['草稿中的标题'])
    // The draft reads above were not stored: the public entry still holds the published text.
    await retitleInDatabase('又绕过 Payload')
    expect(await titles(await get(bySlug))).toEqual(['改过的标题'])
    await retitleInDatabase('改过的标题')
  })

  it('shows publishing the draft, then unpublishing, then deleting, on the next read', async () => {
    await get(bySlug)
    expect((await publish({ _status: 'published' })).status).toBe(200)
    expect(await titles(await get(bySlug))).toEqual(['草稿中的标题'])

    const byId = `/api/articles/${articleId}?locale=zh&depth=0`
    expect((await get(byId)).status).toBe(200)
    expect((await publish({ _status: 'draft' })).status).toBe(200)
    expect(await titles(await get(bySlug))).toEqual([])
    expect((await get(byId)).status).toBe(404)

    expect((await publish({ _status: 'published' })).status).toBe(200)
    expect(await titles(await get(bySlug))).toEqual(['草稿中的标题'])
    const removed = await fetch(`${api.url}/api/articles/${articleId}`, { method: 'DELETE', headers: admin })
    expect(removed.status).toBe(200)
    expect(await titles(await get(bySlug))).toEqual([])
    expect((await get(byId)).status).toBe(404)
  })

  it('shows a change to a populated document (a carrier inside an article) on the next read', async () => {
    const carrier = await db.payload.create({
      collection: 'carriers',
      locale: 'zh',
      data: publishedCarrier(),
    })
    await db.payload.create({
      collection: 'articles',
      locale: 'zh',
      data: { title: '带运营商', slug: 'with-carrier', destination: 'NC', relatedCarriers: [carrier.id], _status: 'published' },
    })
    const path = '/api/articles?where[slug][equals]=with-carrier&locale=zh&depth=1'
    const carrierName = async () =>
      ((await (await get(path)).json()) as { docs: { relatedCarriers: { name: string }[] }[] }).docs[0]!.relatedCarriers[0]!.name
    expect(await carrierName()).toBe('Mobilis')
    await db.payload.update({ collection: 'carriers', id: carrier.id, locale: 'zh', data: { name: 'OPT Mobilis' } })
    expect(await carrierName()).toBe('OPT Mobilis')
  })
})
