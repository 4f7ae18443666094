import { createHash } from 'node:crypto'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { waitFor } from './helpers/ports'
import { createStaff, password } from './helpers/users'

/**
 * Reads that integrations make: a `read` API key shares anonymous readers' cached answers, and
 * GraphQL reads of published content (POST, GET, persisted queries) are cached like REST. Each
 * test changes the database behind Payload's back: an answer that does not show it came from
 * the cache; a change made through Payload must show on the very next read.
 */

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let sql: pg.Client
let editor: Record<string, string>
let admin: Record<string, string>

const keys = { read: 'shared-read-key-0123456789abcdef0123456789ab', drafts: 'shared-drafts-key-0123456789abcdef0123456789' }
const keyIds = { read: 0, drafts: 0 }
const asKey = (which: keyof typeof keys) => ({ Authorization: `api-keys API-Key ${keys[which]}` })

beforeAll(async () => {
  db = await startPayload('migrated', { API_RATE_LIMIT: '0' })
  api = await startApiServer()
  sql = new pg.Client({ connectionString: db.databaseUrl })
  await sql.connect()
  await createStaff(db.payload)
  editor = await login(api.url, 'editor@lagon.test', password)
  admin = await login(api.url, 'admin@lagon.test', password)
  for (const [which, scope] of [['read', 'read'], ['drafts', 'read-drafts']] as const) {
    const response = await fetch(`${api.url}/api/api-keys`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ name: which, scope, enableAPIKey: true, apiKey: keys[which] }),
    })
    expect(response.status).toBe(201)
    keyIds[which] = ((await response.json()) as { doc: { id: number } }).doc.id
  }
})
afterAll(async () => {
  await sql?.end()
  await api?.close()
  await db?.close()
})

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers })
const titles = async (response: Response) => {
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: { title: string }[] }).docs.map((doc) => doc.title)
}

/** A published article of its own per test: its slug, id, and a way to retitle it behind Payload. */
const newArticle = async (slug: string, title = '已发布') => {
  const { id } = await db.payload.create({ collection: 'articles', locale: 'zh', data: { title, slug, destination: 'NC', _status: 'published' } })
  return {
    id,
    bySlug: `/api/articles?where[slug][equals]=${slug}&locale=zh&depth=0`,
    retitleInDatabase: (next: string) => sql.query(`update articles_locales set title = $1 where _parent_id = $2 and _locale = 'zh'`, [next, id]),
    save: (data: Record<string, unknown>, query = 'locale=zh') =>
      fetch(`${api.url}/api/articles/${id}?${query}`, { method: 'PATCH', headers: json(editor), body: JSON.stringify(data) }),
  }
}

const requestCount = async (id: number) => (await db.payload.findByID({ collection: 'api-keys', id })).requestCount ?? 0

describe('a read key', () => {
  it("is answered from anonymous readers' cache, with the same ETag, kept by the client only", async () => {
    const article = await newArticle('shared-key-cache')
    const anonymous = await get(article.bySlug)
    expect(await titles(anonymous)).toEqual(['已发布'])
    await article.retitleInDatabase('绕过 Payload')
    const keyed = await get(article.bySlug, asKey('read'))
    expect(keyed.headers.get('etag')).toBe(anonymous.headers.get('etag'))
    expect(keyed.headers.get('cache-control')).toBe('private, no-cache')
    expect(keyed.headers.get('vary')).toMatch(/Authorization/)
    expect(await titles(keyed)).toEqual(['已发布'])
    const again = await get(article.bySlug, { ...asKey('read'), 'if-none-match': anonymous.headers.get('etag')! })
    expect(again.status).toBe(304)
    // A read-drafts key and staff are Payload's to answer every time: they see the database.
    expect(await titles(await get(article.bySlug, asKey('drafts')))).toEqual(['绕过 Payload'])
    expect(await titles(await get(article.bySlug, editor))).toEqual(['绕过 Payload'])
    expect((await get(article.bySlug, asKey('drafts'))).headers.get('cache-control')).toBe('private, no-store')
  })

  it('fills the cache anonymous readers then read from', async () => {
    const article = await newArticle('key-fills-cache')
    expect(await titles(await get(article.bySlug, asKey('read')))).toEqual(['已发布'])
    await article.retitleInDatabase('绕过 Payload')
    expect(await titles(await get(article.bySlug))).toEqual(['已发布'])
  })

  it('is fresh right after an edit, a draft, a publication, an unpublication and a deletion', async () => {
    const article = await newArticle('key-freshness')
    const byId = `/api/articles/${article.id}?locale=zh&depth=0`
    const read = async () => titles(await get(article.bySlug, asKey('read')))
    expect(await read()).toEqual(['已发布'])
    expect((await get(byId, asKey('read'))).status).toBe(200)

    expect((await article.save({ title: '改过', _status: 'published' })).status).toBe(200)
    expect(await read()).toEqual(['改过'])
    expect((await article.save({ title: '草稿' }, 'locale=zh&draft=true')).status).toBe(200)
    expect(await read()).toEqual(['改过'])
    expect((await article.save({ _status: 'published' })).status).toBe(200)
    expect(await read()).toEqual(['草稿'])
    expect((await article.save({ _status: 'draft' })).status).toBe(200)
    expect(await read()).toEqual([])
    expect((await get(byId, asKey('read'))).status).toBe(404)
    expect((await article.save({ _status: 'published' })).status).toBe(200)
    expect(await read()).toEqual(['草稿'])
    expect((await fetch(`${api.url}/api/articles/${article.id}`, { method: 'DELETE', headers: admin })).status).toBe(200)
    expect(await read()).toEqual([])
    expect((await get(byId, asKey('read'))).status).toBe(404)
  })

  it('is looked up once, not per request, and refused at once when revoked (the change announced to every instance)', async () => {
    const made = await fetch(`${api.url}/api/api-keys`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ name: 'to revoke', scope: 'read', enableAPIKey: true, apiKey: 'to-revoke-0123456789abcdef0123456789abcdef' }),
    })
    const id = ((await made.json()) as { doc: { id: number } }).doc.id
    const headers = { Authorization: 'api-keys API-Key to-revoke-0123456789abcdef0123456789abcdef' }
    const article = await newArticle('revoked-key')
    expect((await get(article.bySlug, headers)).status).toBe(200)
    // Revoked behind Payload's back: the key as looked up is still the one used.
    await sql.query('update api_keys set revoked = true where id = $1', [id])
    expect((await get(article.bySlug, headers)).status).toBe(200)
    await sql.query('update api_keys set revoked = false where id = $1', [id])

    const listener = new pg.Client({ connectionString: db.databaseUrl })
    await listener.connect()
    const heard: string[] = []
    listener.on('notification', ({ payload }) => heard.push(...((JSON.parse(payload ?? '{}') as { tags?: string[] }).tags ?? [])))
    await listener.query('listen lagon_changes')
    try {
      const revoke = await fetch(`${api.url}/api/api-keys/${id}`, { method: 'PATCH', headers: json(admin), body: JSON.stringify({ revoked: true }) })
      expect(revoke.status).toBe(200)
      for (const path of [article.bySlug, `/api/articles/${article.id}?locale=zh`, '/api/tips']) {
        const refused = await get(path, headers)
        expect(refused.status, path).toBe(401)
        expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/API key/)
      }
      const graphql = await fetch(`${api.url}/api/graphql?query=${encodeURIComponent('{ Articles { docs { id } } }')}`, { headers })
      expect(graphql.status).toBe(401)
      await waitFor(async () => heard.includes('api-keys'), 5_000, () => `the revocation announced on lagon_changes (heard ${heard.join(', ')})`)
    } finally {
      await listener.end()
    }
    // An unknown key is refused too, and so is one deleted.
    expect((await get(article.bySlug, { Authorization: 'api-keys API-Key no-such-key-0123456789abcdef01234567' })).status).toBe(401)
    expect((await get(article.bySlug, asKey('read'))).status).toBe(200)
  })

  it('counts every request, served from the cache or not, within a few seconds', async () => {
    const article = await newArticle('key-attribution')
    // A key of its own: the other tests' requests may still be on their way to the database.
    const made = await fetch(`${api.url}/api/api-keys`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ name: 'counted', scope: 'read', enableAPIKey: true, apiKey: 'counted-key-0123456789abcdef0123456789abcd' }),
    })
    const id = ((await made.json()) as { doc: { id: number } }).doc.id
    const headers = { Authorization: 'api-keys API-Key counted-key-0123456789abcdef0123456789abcd' }
    const before = await requestCount(id)
    const started = Date.now()
    const paths = [article.bySlug, article.bySlug, `${article.bySlug}&limit=3`, article.bySlug, `/api/articles/${article.id}?locale=zh`]
    for (const path of paths) expect((await get(path, headers)).status).toBe(200)
    const graphql = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: json(headers),
      body: JSON.stringify({ query: '{ Articles(locale: zh) { docs { id } } }' }),
    })
    expect(graphql.status).toBe(200)
    const again = await fetch(`${api.url}/api/graphql?query=${encodeURIComponent('{ Articles(locale: zh) { docs { id } } }')}`, { headers: headers })
    expect(again.status).toBe(200)
    let seen = before
    await waitFor(async () => (seen = await requestCount(id)) === before + paths.length + 2, 6_000, () => `the request count (${seen - before} of ${paths.length + 2})`)
    // No more than that: a request is counted once.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    const key = await db.payload.findByID({ collection: 'api-keys', id })
    expect(key.requestCount).toBe(before + paths.length + 2)
    expect(new Date(key.lastUsedAt!).getTime()).toBeGreaterThanOrEqual(started - 1000)
  })
})

describe("a reader's select", () => {
  it('gets the fields it names, _status only when it names it (Lagon reads it along, to check the locale is published)', async () => {
    const article = await newArticle('select-status')
    const keysOf = async (path: string, headers: Record<string, string> = {}) => {
      const response = await get(path, headers)
      expect(response.status).toBe(200)
      return Object.keys((await response.json()) as object).sort()
    }
    const one = `/api/articles/${article.id}?locale=zh&depth=0`
    expect(await keysOf(`${one}&select[title]=true`)).toEqual(['id', 'title'])
    expect(await keysOf(`${one}&select[title]=true&select[slug]=true`, asKey('read'))).toEqual(['id', 'slug', 'title'])
    expect(await keysOf(`${one}&select[title]=true&select[_status]=true`)).toEqual(['_status', 'id', 'title'])
    // Staff get what they name, as Payload gives it.
    expect(await keysOf(`${one}&select[title]=true`, editor)).toEqual(['id', 'title'])
    // An unpublished locale is still not found.
    expect((await get(`/api/articles/${article.id}?locale=fr&select[title]=true`)).status).toBe(404)
  })
})

const articleQuery = (slug: string) =>
  `query Guide($locale: LocaleInputType, $limit: Int) { Articles(where: { slug: { equals: "${slug}" } }, locale: $locale, limit: $limit) { docs { id title } } }`
const graphqlTitles = async (response: Response) => {
  expect(response.status).toBe(200)
  const body = (await response.json()) as { data?: { Articles?: { docs: { title: string }[] } }; errors?: unknown }
  expect(body.errors).toBeUndefined()
  return body.data!.Articles!.docs.map((doc) => doc.title)
}
const graphqlPost = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}, extensions?: unknown) =>
  fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(headers), body: JSON.stringify({ query, variables, extensions }) })
const graphqlGet = (params: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const search = new URLSearchParams(
    Object.entries(params)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  )
  return fetch(`${api.url}/api/graphql?${search}`, { headers })
}
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } })

describe('GraphQL reads of published content', () => {
  it('are cached for POST and GET alike, with an ETag, CDN caching and 304s for GET', async () => {
    const article = await newArticle('graphql-cached')
    const query = articleQuery('graphql-cached')
    const variables = { locale: 'zh' }
    const posted = await graphqlPost(query, variables)
    expect(posted.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=30')
    const etag = posted.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(await graphqlTitles(posted)).toEqual(['已发布'])
    await article.retitleInDatabase('绕过 Payload')
    const viaGet = await graphqlGet({ query, variables })
    expect(viaGet.headers.get('etag')).toBe(etag)
    expect(viaGet.headers.get('vary')).toMatch(/Authorization.*Accept/)
    expect(await graphqlTitles(viaGet)).toEqual(['已发布'])
    expect((await graphqlGet({ query, variables }, { 'if-none-match': etag! })).status).toBe(304)
    // Other variables are another read.
    expect(await graphqlTitles(await graphqlGet({ query, variables: { locale: 'zh', limit: 5 } }))).toEqual(['绕过 Payload'])
    // A read key shares the entry; staff and read-drafts keys never do.
    const keyed = await graphqlGet({ query, variables }, asKey('read'))
    expect(keyed.headers.get('cache-control')).toBe('private, no-cache')
    expect(await graphqlTitles(keyed)).toEqual(['已发布'])
    for (const headers of [editor, asKey('drafts')]) {
      const response = await graphqlPost(query, variables, headers)
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(response.headers.get('etag')).toBeNull()
      expect(await graphqlTitles(response)).toEqual(['绕过 Payload'])
    }
  })

  it('take persisted queries: an unknown hash asks for the document, which is then run by its hash over GET', async () => {
    await newArticle('graphql-persisted')
    const query = articleQuery('graphql-persisted')
    const variables = { locale: 'zh' }
    const unknown = await graphqlGet({ variables, extensions: persisted(query) })
    expect(unknown.status).toBe(200)
    const notFound = (await unknown.json()) as { errors: { message: string; extensions: { code: string } }[] }
    expect(notFound.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } })
    expect(unknown.headers.get('cache-control')).toBe('private, no-store')

    const wrong = await graphqlPost(query, variables, {}, { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(await wrong.json())).toContain('sha256Hash')

    expect(await graphqlTitles(await graphqlPost(query, variables, {}, persisted(query)))).toEqual(['已发布'])
    const byHash = await graphqlGet({ variables, extensions: persisted(query) })
    expect(byHash.headers.get('cache-control')).toContain('public')
    expect(await graphqlTitles(byHash)).toEqual(['已发布'])
    expect(await graphqlTitles(await graphqlPost(undefined as never, variables, asKey('read'), persisted(query)))).toEqual(['已发布'])
  })

  it('are fresh right after an edit, a draft, a publication, an unpublication and a deletion, and never show a draft', async () => {
    const article = await newArticle('graphql-freshness')
    const query = articleQuery('graphql-freshness')
    const byId = `{ Article(id: ${article.id}, locale: zh) { title } }`
    await graphqlPost(query, { locale: 'zh' }, {}, persisted(query))
    const reads = () => [
      graphqlGet({ query, variables: { locale: 'zh' } }),
      graphqlPost(query, { locale: 'zh' }),
      graphqlGet({ variables: { locale: 'zh' }, extensions: persisted(query) }),
      graphqlGet({ query, variables: { locale: 'zh' } }, asKey('read')),
    ]
    const read = async () => {
      const seen = await Promise.all((await Promise.all(reads())).map(graphqlTitles))
      expect(new Set(seen.map((each) => JSON.stringify(each))).size, JSON.stringify(seen)).toBe(1)
      return seen[0]
    }
    const one = async () => {
      const body = (await (await graphqlGet({ query: byId })).json()) as { data?: { Article: { title: string } | null } }
      return body.data?.Article?.title ?? null
    }
    expect(await read()).toEqual(['已发布'])
    expect(await one()).toBe('已发布')
    expect((await article.save({ title: '改过', _status: 'published' })).status).toBe(200)
    expect(await read()).toEqual(['改过'])
    expect(await one()).toBe('改过')
    expect((await article.save({ title: '草稿' }, 'locale=zh&draft=true')).status).toBe(200)
    expect(await read()).toEqual(['改过'])
    expect(await one()).toBe('改过')
    expect((await article.save({ _status: 'published' })).status).toBe(200)
    expect(await read()).toEqual(['草稿'])
    expect(await one()).toBe('草稿')
    expect((await article.save({ _status: 'draft' })).status).toBe(200)
    expect(await read()).toEqual([])
    expect(await one()).toBeNull()
    expect((await article.save({ _status: 'published' })).status).toBe(200)
    expect(await read()).toEqual(['草稿'])
    expect((await fetch(`${api.url}/api/articles/${article.id}`, { method: 'DELETE', headers: admin })).status).toBe(200)
    expect(await read()).toEqual([])
    expect(await one()).toBeNull()
  })

  it('drop a locale as soon as it is unpublished, and never show its draft', async () => {
    const article = await newArticle('graphql-locale', '中文标题')
    const query = `{ Article(id: ${article.id}, locale: fr) { title } } `
    const list = `{ Articles(where: { slug: { equals: "graphql-locale" } }, locale: fr) { docs { title } } }`
    // A locale not published for the document is not found in it (src/access/publishedOrStaff.ts).
    const title = async () => ((await (await graphqlGet({ query })).json()) as { data?: { Article: { title: string } | null } }).data?.Article?.title ?? null
    const listed = async () => ((await (await graphqlGet({ query: list })).json()) as { data: { Articles: { docs: { title: string }[] } } }).data.Articles.docs.map((doc) => doc.title)
    expect(await title()).toBeNull()
    expect(await listed()).toEqual([])
    expect((await article.save({ title: 'Titre français', slug: 'graphql-locale', _status: 'published' }, 'locale=fr')).status).toBe(200)
    expect(await title()).toBe('Titre français')
    expect(await listed()).toEqual(['Titre français'])
    expect((await article.save({ title: 'Brouillon français' }, 'locale=fr&draft=true')).status).toBe(200)
    expect(await title()).toBe('Titre français')
    expect(await listed()).toEqual(['Titre français'])
    expect((await article.save({ _status: 'draft' }, 'locale=fr')).status).toBe(200)
    expect(await title()).toBeNull()
    expect(await listed()).toEqual([])
  })

  it("with a read key (REST and GraphQL POST): a locale dropped as soon as it is unpublished, its draft never shown", async () => {
    const article = await newArticle('keyed-locale', '中文标题')
    const rest = `/api/articles?where[slug][equals]=keyed-locale&locale=fr&depth=0`
    const query = `{ Articles(where: { slug: { equals: "keyed-locale" } }, locale: fr) { docs { title } } }`
    const keyedRest = async () => titles(await get(rest, asKey('read')))
    const keyedPost = async () => {
      const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(asKey('read')), body: JSON.stringify({ query }) })
      expect(response.headers.get('cache-control')).toBe('private, no-cache')
      return ((await response.json()) as { data: { Articles: { docs: { title: string }[] } } }).data.Articles.docs.map((doc) => doc.title)
    }
    expect(await keyedRest()).toEqual([])
    expect(await keyedPost()).toEqual([])
    expect((await article.save({ title: 'Titre français', slug: 'keyed-locale', _status: 'published' }, 'locale=fr')).status).toBe(200)
    expect(await keyedRest()).toEqual(['Titre français'])
    expect(await keyedPost()).toEqual(['Titre français'])
    expect((await article.save({ title: 'Brouillon français' }, 'locale=fr&draft=true')).status).toBe(200)
    expect(await keyedRest()).toEqual(['Titre français'])
    expect(await keyedPost()).toEqual(['Titre français'])
    expect((await article.save({ _status: 'draft' }, 'locale=fr')).status).toBe(200)
    expect(await keyedRest()).toEqual([])
    expect(await keyedPost()).toEqual([])
    // The zh text, still published, is what the key reads in zh.
    expect(await titles(await get(`/api/articles?where[slug][equals]=keyed-locale&locale=zh&depth=0`, asKey('read')))).toEqual(['中文标题'])
  })

  it('show a document newly published in a list read before, and a count', async () => {
    const count = '{ countArticles(where: { destination: { equals: "VU" } }) { totalDocs } }'
    const list = '{ Articles(where: { destination: { equals: "VU" } }, locale: zh) { docs { title } } }'
    const total = async () => ((await (await graphqlGet({ query: count })).json()) as { data: { countArticles: { totalDocs: number } } }).data.countArticles.totalDocs
    const listed = async () => ((await (await graphqlGet({ query: list })).json()) as { data: { Articles: { docs: unknown[] } } }).data.Articles.docs.length
    expect(await total()).toBe(0)
    expect(await listed()).toBe(0)
    await db.payload.create({ collection: 'articles', locale: 'zh', data: { title: '瓦努阿图', destination: 'VU', _status: 'published' } })
    expect(await total()).toBe(1)
    expect(await listed()).toBe(1)
  })

  it('never cache a mutation, refuse one over GET, and leave errors and staff-only fields uncached', async () => {
    const mutation = 'mutation { createTip(data: { title: "GET 写的", destination: "NC" }) { id } }'
    const viaGet = await graphqlGet({ query: mutation }, editor)
    expect(viaGet.status).toBe(405)
    expect(viaGet.headers.get('allow')).toBe('POST')
    expect(((await viaGet.json()) as { errors: { name: string }[] }).errors[0]!.name).toBe('MethodNotAllowed')
    const posted = await graphqlPost(mutation, {}, editor)
    expect(posted.status).toBeLessThan(500)
    expect(posted.headers.get('cache-control')).toBe('private, no-store')
    for (const query of ['{ me { user { id } } }', '{ Articles(locale: zh) { docs { id } } Users { docs { id } } }', '{ Articles(locale: xx) { docs { id } } }']) {
      const response = await graphqlGet({ query })
      expect(response.headers.get('cache-control'), query).toBe('private, no-store')
      expect(response.headers.get('etag'), query).toBeNull()
    }
    expect((await graphqlGet({ query: '{ Articles { docs { id } } }', variables: '{not json' })).status).toBe(400)
  })
})
