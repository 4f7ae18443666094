import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalText } from '@/lib/lexicalText'

import { startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { paragraph } from './helpers/lexical'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, staffHeaders } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>
let articleId: number
let carrierId: number
let sourceIds: string[]
let offerIds: string[]

const rounds = Number(process.env.RACE_ROUNDS ?? 20)

/** A REST save that must succeed. */
const patch = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${api.url}${path}`, { method: 'PATCH', headers: json({ ...editor, ...headers }), body: JSON.stringify(body) })
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200)
  return response
}

/** A GraphQL mutation that must succeed. */
const mutate = async (query: string, variables: Record<string, unknown>) => {
  const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(editor), body: JSON.stringify({ query, variables }) })
  const body = (await response.json()) as { errors?: unknown[] }
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
}

/** The newest version of a document in every locale, as staff see it. */
const newest = (collection: 'articles' | 'carriers', id: number) =>
  db.payload.findByID({ collection, id, locale: 'all', draft: true, depth: 0, fallbackLocale: false }) as unknown as Promise<Record<string, unknown>>

const localized = (doc: Record<string, unknown>, field: string, locale: string) => (doc[field] as Record<string, unknown> | undefined)?.[locale]

beforeAll(async () => {
  // Twenty rounds of concurrent saves queue for the pool and for the document's lock; on a machine
  // running the whole suite (browsers, builds) the waits can pass the 5 s connect and 10 s lock
  // defaults, whose own behaviour tests/site/resilience and the pool test below cover.
  process.env.DATABASE_CONNECT_TIMEOUT_MS = '30000'
  process.env.SAVE_LOCK_WAIT_SECONDS = '25' // under the 30 s statement timeout, which would end the wait first
  db = await startPayload('migrated')
  api = await startApiServer()
  await createStaff(db.payload)
  editor = (await staffHeaders(api.url)).editor
  const article = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: {
      title: '指南',
      summary: '摘要',
      destination: 'NC',
      sourceLocale: 'zh',
      sources: [
        { title: '来源一', url: 'https://example.com/1' },
        { title: '来源二', url: 'https://example.com/2' },
      ],
      _status: 'published',
    },
  })
  articleId = article.id
  sourceIds = article.sources!.map((row) => row.id!)
  const carrier = await db.payload.create({
    collection: 'carriers',
    locale: 'zh',
    data: {
      name: '运营商',
      kind: 'network-operator',
      destination: 'NC',
      website: 'https://www.opt.nc',
      verification: 'unverified',
      sourceLocale: 'zh',
      offers: [
        { name: '套餐一', type: 'tourist-sim', price: { amount: 1000, currency: 'XPF' } },
        { name: '套餐二', type: 'esim', price: { amount: 2000, currency: 'XPF' } },
      ],
      sources: [{ title: 'OPT', url: 'https://www.opt.nc' }],
      _status: 'published',
    },
  })
  carrierId = carrier.id
  offerIds = carrier.offers!.map((row) => row.id!)
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

describe('concurrent saves of one document', () => {
  it(`keep every save's change, ${rounds} rounds through REST, GraphQL and the Local API`, { timeout: 600_000 }, async () => {
    const lost: string[] = []
    for (let round = 1; round <= rounds; round++) {
      const date = `2026-01-${String(5 + round).padStart(2, '0')}T00:00:00.000Z`
      await Promise.all([
        // A localized field in the source locale (a publishing save).
        patch(`/api/articles/${articleId}?locale=zh`, { summary: `摘要 ${round}` }),
        // A shared field, as an autosaved draft.
        patch(`/api/articles/${articleId}?locale=zh&draft=true&autosave=true`, { lastVerified: date }),
        // Another locale's title.
        patch(`/api/articles/${articleId}?locale=en`, { title: `Guide ${round}` }),
        // One row of a shared array, the other row left as it is.
        patch(`/api/articles/${articleId}?locale=zh`, { sources: [{ id: sourceIds[0], title: `来源一 ${round}` }, { id: sourceIds[1] }] }),
        // Rich text in French, through GraphQL.
        mutate('mutation ($id: Int!, $body: JSON) { updateArticle(id: $id, locale: fr, draft: true, data: { body: $body }) { id } }', {
          id: articleId,
          body: paragraph(`Texte ${round}`),
        }),
        // The other array row, through the Local API.
        db.payload.update({ collection: 'articles', id: articleId, locale: 'zh', data: { sources: [{ id: sourceIds[0] }, { id: sourceIds[1], publisher: `出版方 ${round}` }] } as never }),
        // A shared price in one offer, and a French offer name in the other, of one carrier.
        patch(`/api/carriers/${carrierId}?locale=zh`, { offers: [{ id: offerIds[0], price: { amount: 1000 + round, currency: 'XPF' } }, { id: offerIds[1] }] }),
        db.payload.update({ collection: 'carriers', id: carrierId, locale: 'fr', draft: true, data: { offers: [{ id: offerIds[0] }, { id: offerIds[1], name: `Offre ${round}` }] } as never }),
        mutate('mutation ($id: Int!, $name: String) { updateCarrier(id: $id, locale: en, draft: true, data: { name: $name }) { id } }', {
          id: carrierId,
          name: `Carrier ${round}`,
        }),
      ])
      const article = await newest('articles', articleId)
      const carrier = await newest('carriers', carrierId)
      const sources = article.sources as { title: Record<string, string> | string; publisher?: string }[]
      const offers = carrier.offers as { price: { amount: number }; name: Record<string, string> }[]
      const expected: [string, unknown, unknown][] = [
        ['article summary (zh)', localized(article, 'summary', 'zh'), `摘要 ${round}`],
        ['article lastVerified', article.lastVerified, date],
        ['article title (en)', localized(article, 'title', 'en'), `Guide ${round}`],
        ['article sources[0].title', sources[0]?.title, `来源一 ${round}`],
        ['article sources[1].publisher', sources[1]?.publisher, `出版方 ${round}`],
        ['article body (fr)', lexicalText(localized(article, 'body', 'fr')), `Texte ${round}`],
        ['carrier offers[0].price', offers[0]?.price.amount, 1000 + round],
        ['carrier offers[1].name (fr)', offers[1]?.name.fr, `Offre ${round}`],
        ['carrier name (en)', localized(carrier, 'name', 'en'), `Carrier ${round}`],
      ]
      for (const [what, actual, wanted] of expected) {
        if (actual !== wanted) lost.push(`round ${round}: ${what} is ${JSON.stringify(actual)}, not ${JSON.stringify(wanted)}`)
      }
    }
    expect(lost).toEqual([])
  })
})

describe('an editor (zh) and a translator (fr) saving whole forms at once, as the admin does', () => {
  it('both keep their text, 10 rounds', { timeout: 300_000 }, async () => {
    const translator = (await staffHeaders(api.url)).translator
    const formOf = async (locale: string, headers: Record<string, string>) => {
      const response = await fetch(`${api.url}/api/articles/${articleId}?locale=${locale}&draft=true&depth=0&fallback-locale=none`, { headers })
      return (await response.json()) as Record<string, unknown>
    }
    for (let round = 1; round <= 10; round++) {
      const [zh, fr] = await Promise.all([formOf('zh', editor), formOf('fr', translator)])
      await Promise.all([
        patch(`/api/articles/${articleId}?locale=zh&draft=true&autosave=true`, { ...zh, title: `编辑 ${round}`, _status: 'draft' }),
        patch(`/api/articles/${articleId}?locale=fr&draft=true&autosave=true`, { ...fr, title: `Traduction ${round}`, _status: 'draft' }, translator),
      ])
      const article = await newest('articles', articleId)
      expect([localized(article, 'title', 'zh'), localized(article, 'title', 'fr')]).toEqual([`编辑 ${round}`, `Traduction ${round}`])
    }
  })
})

describe('more saves of one document at once than the pool has connections', () => {
  it('all land: each waits its turn', async () => {
    const saves = 14
    const results = await Promise.allSettled(
      Array.from({ length: saves }, (_, n) =>
        db.payload.update({ collection: 'carriers', id: carrierId, locale: 'zh', data: { offers: [{ id: offerIds[0], price: { amount: 5000 + n, currency: 'XPF' } }, { id: offerIds[1] }] } as never }),
      ),
    )
    expect(results.filter((result) => result.status === 'rejected')).toEqual([])
    const before = (await newest('carriers', carrierId)).revision as number
    await db.payload.update({ collection: 'carriers', id: carrierId, locale: 'zh', data: { website: 'https://www.opt.nc/' } })
    expect((await newest('carriers', carrierId)).revision).toBe(before + 1)
  })
})

describe('the revision, as ETag and If-Match', () => {
  const url = () => `/api/articles/${articleId}`
  const read = async (path = `${url()}?locale=zh`, headers = editor) => {
    const response = await fetch(`${api.url}${path}`, { headers })
    expect(response.status).toBe(200)
    return { etag: response.headers.get('etag'), body: (await response.json()) as { revision?: number; summary?: string } }
  }
  const save = (data: unknown, headers: Record<string, string> = {}, query = 'locale=zh') =>
    fetch(`${api.url}${url()}?${query}`, { method: 'PATCH', headers: json({ ...editor, ...headers }), body: JSON.stringify(data) })

  it('reads by id carry the revision and its ETag; a save gives the next one', async () => {
    const before = await read()
    expect(before.etag).toMatch(/^"[\w-]+"$/)
    expect(typeof before.body.revision).toBe('number')
    // The same revision read in another locale is the same document to save over.
    expect((await read(`${url()}?locale=fr&draft=true`)).etag).toBe(before.etag)
    const saved = await save({ summary: '又一个摘要' })
    expect(saved.status).toBe(200)
    const after = await read()
    expect(after.body.revision).toBe(before.body.revision! + 1)
    expect(saved.headers.get('etag')).toBe(after.etag)
    expect(after.etag).not.toBe(before.etag)
  })

  it('a stale If-Match is refused with 412 and the current version, in the asker’s language; nothing written', async () => {
    const stale = await read()
    expect((await save({ summary: '第一个' })).status).toBe(200)
    const current = await read()
    const refused = await save({ summary: '第二个' }, { 'If-Match': stale.etag!, 'Accept-Language': 'fr' })
    expect(refused.status).toBe(412)
    expect(refused.headers.get('etag')).toBe(current.etag)
    const body = (await refused.json()) as { errors: { message: string; data: { revision: number; etag: string; errors: { path: string }[] } }[] }
    expect(body.errors[0]!.data).toMatchObject({ revision: current.body.revision, etag: current.etag, errors: [{ path: 'If-Match' }] })
    expect(body.errors[0]!.message).toContain(`révision ${current.body.revision}`)
    const unchanged = await read()
    expect(unchanged.body.summary).toBe('第一个')
    expect(unchanged.body.revision).toBe(current.body.revision)
  })

  it('a fresh If-Match saves, as does one of several tags or *', async () => {
    const fresh = await read()
    const saved = await save({ summary: '按版本保存' }, { 'If-Match': fresh.etag! })
    expect(saved.status, await saved.clone().text()).toBe(200)
    expect((await read()).body.summary).toBe('按版本保存')
    const next = await read()
    expect((await save({ summary: '多个标签' }, { 'If-Match': `"old", ${next.etag}` })).status).toBe(200)
    expect((await save({ summary: '任意' }, { 'If-Match': '*' })).status).toBe(200)
    // A weak tag never matches If-Match.
    const last = await read()
    expect((await save({ summary: '弱' }, { 'If-Match': `W/${last.etag}` })).status).toBe(412)
  })

  describe('over GraphQL', () => {
    const mutation = 'mutation ($id: Int!, $summary: String) { updateArticle(id: $id, locale: zh, data: { summary: $summary }) { summary revision } }'
    const graphqlSave = async (summary: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${api.url}/api/graphql`, {
        method: 'POST',
        headers: json({ ...editor, ...headers }),
        body: JSON.stringify({ query: mutation, variables: { id: articleId, summary } }),
      })
      type Answer = {
        data?: { updateArticle: { summary: string; revision: number } | null }
        errors?: { message: string; extensions: { name: string; statusCode: number; data: { revision: number; etag: string } } }[]
      }
      return { status: response.status, body: (await response.json()) as Answer }
    }

    it('a stale If-Match is refused with PreconditionFailed and the current revision; nothing written', async () => {
      const stale = await read()
      expect((await save({ summary: '图一' })).status).toBe(200)
      const current = await read()
      const refused = await graphqlSave('图二', { 'If-Match': stale.etag!, 'Accept-Language': 'en' })
      expect(refused.status).toBe(412)
      expect(refused.body.data?.updateArticle ?? null).toBeNull()
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        name: 'PreconditionFailed',
        statusCode: 412,
        data: { revision: current.body.revision, etag: current.etag },
      })
      expect(refused.body.errors?.[0]?.message).toContain(`revision ${current.body.revision}`)
      const unchanged = await read()
      expect(unchanged.body.summary).toBe('图一')
      expect(unchanged.body.revision).toBe(current.body.revision)
    })

    it('a fresh If-Match saves, and a mutation without one saves as before', async () => {
      const fresh = await read()
      const saved = await graphqlSave('图三', { 'If-Match': fresh.etag! })
      expect(saved.body.errors).toBeUndefined()
      expect(saved.body.data?.updateArticle).toEqual({ summary: '图三', revision: fresh.body.revision! + 1 })
      const plain = await graphqlSave('图四')
      expect(plain.body.data?.updateArticle?.summary).toBe('图四')
      // The tag of another document is no precondition met for this one.
      const other = await graphqlSave('图五', { 'If-Match': `"${'x'.repeat(32)}"` })
      expect(other.body.errors?.[0]?.extensions.name).toBe('PreconditionFailed')
      expect((await read()).body.summary).toBe('图四')
    })
  })

  it('drafts, autosaves and restores count; the client cannot set the revision', async () => {
    const start = (await read()).body.revision!
    expect((await save({ summary: '草稿' }, {}, 'locale=zh&draft=true&autosave=true')).status).toBe(200)
    expect((await read(`${url()}?locale=zh&draft=true`)).body.revision).toBe(start + 1)
    // The published document's read gives the same revision: If-Match compares with the newest save.
    expect((await read()).body.revision).toBe(start + 1)
    expect((await save({ summary: '想改版本', revision: 1 })).status).toBe(200)
    expect((await read()).body.revision).toBe(start + 2)
    const { docs } = await db.payload.findVersions({ collection: 'articles', where: { parent: { equals: articleId } }, sort: 'createdAt', limit: 1 })
    await db.payload.restoreVersion({ collection: 'articles', id: docs[0]!.id })
    expect((await read()).body.revision).toBe(start + 3)
    await db.payload.update({ collection: 'articles', where: { id: { equals: articleId } }, data: { lastVerified: '2026-02-01T00:00:00.000Z' } })
    expect((await read()).body.revision).toBe(start + 4)
  })

  it('readers get neither the revision nor its ETag', async () => {
    // The restore above may have brought back a draft.
    await db.payload.update({ collection: 'articles', id: articleId, locale: 'zh', data: { _status: 'published' } })
    const { etag, body } = await read(`${url()}?locale=zh`, {})
    expect(body.revision).toBeUndefined()
    expect(etag).not.toBe((await read()).etag)
  })
})
