import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listenForChanges } from '@/freshness/changeBus'
import { expireInThisInstance } from '@/freshness/expire'
import { changeChannel } from '@/freshness/settings'
import { search as searchHere, searchIndex, type SearchBounds, type SearchResult } from '@/search/query'
import { tags } from '@/site/tags'

import { startApiServer } from './helpers/apiServer'
import { paragraph as lexicalParagraph } from './helpers/lexical'
import { startPayload, type TestPayload } from './helpers/payload'
import { within } from './helpers/site'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>

type Doc = { collection: string; id: number; slug: string | null; title: string; titleHtml: string; snippet: string; snippetHtml: string; url: string }
type Answer = {
  status: number
  body: {
    docs: Doc[]
    page: number
    limit: number
    hasNextPage: boolean
    hasPrevPage: boolean
    nextPage: number | null
    prevPage: number | null
    bestOnly: boolean
    suggestion: string | null
    errors?: { message: string; data: { errors: { path: string }[] } }[] } }

const search = async (q: string, locale: string, extra = ''): Promise<Answer> => {
  const response = await fetch(`${api.url}/api/search?q=${encodeURIComponent(q)}&locale=${locale}${extra}`)
  return { status: response.status, body: (await response.json()) as Answer['body'] }
}
const titles = async (q: string, locale: string): Promise<string[]> => (await search(q, locale)).body.docs.map((doc) => doc.title)
const slugsOf = async (q: string, locale: string): Promise<string[]> => (await search(q, locale, '&limit=100')).body.docs.map((doc) => `${doc.collection}/${doc.slug}`)

/** Payload's generated type narrows Lexical's JSON further than a literal object says. */
const paragraph = (text: string) => lexicalParagraph(text) as never

const guide = 'articles/xinkaliduoniya-esim-weixin-zhifubao'

beforeAll(async () => {
  db = await startPayload('seeded')
  api = await startApiServer()
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

describe('the seeded guide, as readers search it', () => {
  it('finds Chinese two-character words inside longer runs of characters', async () => {
    expect(await slugsOf('电话', 'zh')).toContain(guide)
    const wechat = await slugsOf('微信', 'zh')
    expect(wechat).toContain(guide)
    expect(wechat).toContain('tips/wechat-alipay-in-new-caledonia')
    expect(await slugsOf('新喀里多尼亚', 'zh')).toContain(guide)
  })

  it('finds Simplified text from a Traditional query', async () => {
    const simplified = await slugsOf('支付宝', 'zh')
    expect(simplified.length).toBeGreaterThan(0)
    // 支付 alone (a card payment) is not 支付宝.
    expect(await titles('支付宝', 'zh')).not.toContain('银行卡和非接触式支付')
    expect(await slugsOf('支付寶', 'zh')).toEqual(simplified)
    expect(await slugsOf('電話卡', 'zh')).toContain(guide)
  })

  it('highlights what was found, in Chinese and in French', async () => {
    const { body } = await search('微信', 'zh')
    expect(body.docs[0]!.titleHtml + body.docs[0]!.snippetHtml).toContain('<mark>微信</mark>')
    const fr = await search('telephone', 'fr')
    expect(fr.body.docs.some((doc) => /<mark>téléphone<\/mark>/i.test(doc.snippetHtml))).toBe(true)
  })

  it('finds French accented words from a query without accents', async () => {
    const accented = await slugsOf('Calédonie', 'fr')
    expect(accented).toContain('articles/nouvelle-caledonie-esim-wechat-alipay')
    expect(await slugsOf('caledonie', 'fr')).toEqual(accented)
    expect((await slugsOf('telephone', 'fr')).length).toBeGreaterThan(0)
  })

  it('stems English words', async () => {
    const paying = await slugsOf('paying', 'en')
    expect(paying.length).toBeGreaterThan(0)
    expect(await slugsOf('pays', 'en')).toEqual(expect.arrayContaining(paying))
  })

  it('suggests a correction for a misspelt word, which then finds documents', async () => {
    const { body } = await search('Caledona', 'en')
    expect(body.docs).toEqual([])
    expect(body.suggestion).toBe('caledonia')
    expect((await search(body.suggestion!, 'en')).body.docs.length).toBeGreaterThan(0)
    expect((await search('Caledonia', 'en')).body.suggestion).toBeNull()
  })
})

describe('what readers may read, and nothing else', () => {
  it('never returns drafts, unpublished locales or withdrawn ones, and follows each change at once', async () => {
    const draft = await db.payload.create({
      collection: 'articles',
      locale: 'zh',
      draft: true,
      data: { title: '草稿里的企鹅旅馆', destination: 'NC', sourceLocale: 'zh', body: paragraph('企鹅旅馆 zorblaxine') },
    })
    expect(await titles('企鹅', 'zh')).toEqual([])
    expect(await titles('zorblaxine', 'zh')).toEqual([])

    await db.payload.update({ collection: 'articles', id: draft.id, locale: 'zh', data: { _status: 'published' } })
    expect(await titles('企鹅', 'zh')).toEqual(['草稿里的企鹅旅馆'])
    // English text saved as a draft: not readers' yet.
    await db.payload.update({ collection: 'articles', id: draft.id, locale: 'en', draft: true, data: { title: 'Penguin lodge zorblaxine' } })
    expect(await titles('zorblaxine', 'en')).toEqual([])
    await db.payload.update({ collection: 'articles', id: draft.id, locale: 'en', data: { _status: 'published' } })
    expect(await titles('zorblaxine', 'en')).toEqual(['Penguin lodge zorblaxine'])

    // An edit is searchable as soon as its save has answered.
    await db.payload.update({ collection: 'articles', id: draft.id, locale: 'en', data: { title: 'Penguin lodge quembrot' } })
    expect(await titles('quembrot', 'en')).toEqual(['Penguin lodge quembrot'])
    expect(await titles('zorblaxine', 'en')).toEqual([])

    // Withdrawn in English: gone from English, still in Chinese.
    await db.payload.update({ collection: 'articles', id: draft.id, locale: 'en', data: { _status: 'draft' } })
    expect(await titles('quembrot', 'en')).toEqual([])
    expect(await titles('企鹅', 'zh')).toEqual(['草稿里的企鹅旅馆'])
    // A draft of a published locale: readers keep finding the published text.
    await db.payload.update({ collection: 'articles', id: draft.id, locale: 'zh', draft: true, data: { title: '草稿里的海豚旅馆' } })
    expect(await titles('海豚', 'zh')).toEqual([])
    expect(await titles('企鹅', 'zh')).toEqual(['草稿里的企鹅旅馆'])

    await db.payload.delete({ collection: 'articles', id: draft.id })
    expect(await titles('企鹅', 'zh')).toEqual([])
  })

  it('indexes carriers (their offers too) and tips', async () => {
    const carrier = await db.payload.create({
      collection: 'carriers',
      locale: 'fr',
      data: {
        name: 'Opérateur Vorpalix',
        kind: 'mvno',
        destination: 'NC',
        sourceLocale: 'zh',
        offers: [{ name: 'Forfait Glimmerdata', type: 'esim', notes: 'Idéal pour les randonnées' }],
        _status: 'published',
      } as never,
    })
    expect(await titles('glimmerdata', 'fr')).toEqual(['Opérateur Vorpalix'])
    expect(await titles('randonnee', 'fr')).toEqual(['Opérateur Vorpalix'])
    await db.payload.delete({ collection: 'carriers', id: carrier.id })
    expect(await titles('glimmerdata', 'fr')).toEqual([])
  })
})

describe('ranking', () => {
  it('puts a title match above a body match, and a recent document above an old one', async () => {
    const make = (title: string, body: string, publishedAt: string) =>
      db.payload.create({
        collection: 'articles',
        locale: 'en',
        data: { title, body: paragraph(body), destination: 'NC', sourceLocale: 'zh', publishedAt, _status: 'published' },
      })
    await make('Notes on ferries', 'The snorkelquest spot is north of the island.', '2026-11-01T00:00:00.000Z')
    await make('Snorkelquest guide', 'Where to swim.', '2020-01-01T00:00:00.000Z')
    expect(await titles('snorkelquest', 'en')).toEqual(['Snorkelquest guide', 'Notes on ferries'])

    await make('Lagoon walks (old)', 'Walk the brindlemoor trail.', '2015-01-01T00:00:00.000Z')
    await make('Lagoon walks (new)', 'Walk the brindlemoor trail.', '2026-11-20T00:00:00.000Z')
    expect(await titles('brindlemoor', 'en')).toEqual(['Lagoon walks (new)', 'Lagoon walks (old)'])
  })
})

describe('GET /api/search', () => {
  it('pages as the API does, without a total: each page says whether there is a next one', async () => {
    const all = await search('nouvelle', 'fr', '&limit=100')
    const found = all.body.docs.length
    expect(found).toBeGreaterThan(2)
    expect(all.body).toMatchObject({ hasNextPage: false, nextPage: null, hasPrevPage: false, bestOnly: false })
    expect(all.body).not.toHaveProperty('totalDocs')
    expect(all.body).not.toHaveProperty('totalPages')
    const first = await search('nouvelle', 'fr', '&limit=2&page=1')
    const second = await search('nouvelle', 'fr', '&limit=2&page=2')
    expect(first.body).toMatchObject({ page: 1, limit: 2, hasPrevPage: false, prevPage: null, hasNextPage: true, nextPage: 2 })
    expect(second.body).toMatchObject({ page: 2, hasPrevPage: true, prevPage: 1, hasNextPage: found > 4 })
    expect([...first.body.docs, ...second.body.docs].map((doc) => doc.id)).toEqual(all.body.docs.slice(0, 4).map((doc) => doc.id))
    // The last page, full or not, says there is no next one.
    const lastPage = Math.ceil(found / 2)
    const last = await search('nouvelle', 'fr', `&limit=2&page=${lastPage}`)
    expect(last.body).toMatchObject({ hasNextPage: false, nextPage: null })
    expect(last.body.docs.map((doc) => doc.id)).toEqual(all.body.docs.slice((lastPage - 1) * 2).map((doc) => doc.id))
    const past = await search('nouvelle', 'fr', '&limit=2&page=999')
    expect(past.status).toBe(200)
    expect(past.body).toMatchObject({ docs: [], page: 999, hasNextPage: false, hasPrevPage: true })
    for (const extra of ['&limit=101', '&limit=0', '&page=0', '&limit=x']) {
      const refused = await search('nouvelle', 'fr', extra)
      expect(refused.status, extra).toBe(400)
      expect(refused.body.errors?.[0]?.data.errors.map((error) => error.path)).toEqual([extra.slice(1).split('=')[0]])
    }
  })

  it('answers bad input with a clean result or a 400 naming q, never a 500', async () => {
    for (const q of ['', '   ']) {
      const { status, body } = await search(q, 'zh')
      expect(status).toBe(400)
      expect(body.errors?.[0]?.data.errors.map((error) => error.path)).toEqual(['q'])
    }
    const long = await search('电'.repeat(500), 'zh')
    expect(long.status).toBe(400)
    expect(long.body.errors?.[0]?.message).toMatch(/^q: at most 200 characters/)
    const hostile = [
      "' OR 1=1 --",
      "'; DROP TABLE search_documents; --",
      'esim & | ! ( ) <-> :* \\',
      "wechat:* & !alipay | (",
      '((((((',
      '😀😀😀',
      '微信 😀 eSIM Calédonie 支付寶',
      'a'.repeat(200),
      '\u0000',
      '\uE000微信\uE001',
      'the of and',
    ]
    for (const locale of ['zh', 'en', 'fr']) {
      for (const q of hostile) {
        const { status, body } = await search(q, locale)
        expect([200, 400], `${locale} ${JSON.stringify(q)}`).toContain(status)
        if (status === 400) expect(body.errors?.[0]?.data.errors[0]?.path).toBe('q')
      }
    }
    expect((await search('微信 😀', 'zh')).body.docs.map((doc) => `${doc.collection}/${doc.slug}`)).toContain(guide)
    expect((await search("wechat:* & !alipay | (", 'en')).status).toBe(200)
    const locale = await search('esim', 'all')
    expect(locale.status).toBe(400)
    expect(locale.body.errors?.[0]?.data.errors.map((error) => error.path)).toEqual(['locale'])
    const twice = await fetch(`${api.url}/api/search?q=a&q=b&locale=en`)
    expect(twice.status).toBe(400)
  })
})

describe('uncached searches at once: at most SEARCH_CONCURRENCY, the others in turn', () => {
  /** The test database's pool, watched: the statements running at once, at most, and the order they started in. */
  const watchedPayload = () => {
    const pool = (db.payload.db as unknown as { pool: pg.Pool }).pool
    const watch = { running: 0, most: 0, started: [] as string[] }
    const query = (config: { values?: unknown[] }) => {
      watch.running += 1
      watch.most = Math.max(watch.most, watch.running)
      watch.started.push(String(config.values?.[0]))
      return (pool.query(config as pg.QueryConfig) as Promise<pg.QueryResult>).finally(() => {
        watch.running -= 1
      })
    }
    return { payload: { db: { pool: { query } } } as unknown as typeof db.payload, watch }
  }
  const queries = ['wechat', 'alipay', 'esim', 'caledonia', 'payment', 'airport']
  const previous = process.env.SEARCH_CONCURRENCY
  afterAll(() => {
    if (previous === undefined) delete process.env.SEARCH_CONCURRENCY
    else process.env.SEARCH_CONCURRENCY = previous
  })

  it('runs one statement at a time with SEARCH_CONCURRENCY=1, first come first served, and all at once with 0', async () => {
    process.env.SEARCH_CONCURRENCY = '1'
    const one = watchedPayload()
    const answers = await Promise.all(queries.map((q) => searchIndex(one.payload, { q, locale: 'en', page: 1, limit: 10 })))
    expect(one.watch.most).toBe(1)
    // The searches' own statements (a "did you mean" adds others, in its search's turn), in the order they were asked.
    expect(one.watch.started.filter((value) => value.startsWith("'"))).toEqual(queries.map((q) => `'${q}'`))
    const alone = await Promise.all(queries.map((q) => searchIndex(db.payload, { q, locale: 'en', page: 1, limit: 10 })))
    expect(answers.map(({ result }) => result)).toEqual(alone.map(({ result }) => result))
    expect(answers.some(({ result }) => result.hits.length > 0)).toBe(true)

    process.env.SEARCH_CONCURRENCY = '0'
    const unbounded = watchedPayload()
    await Promise.all(queries.map((q) => searchIndex(unbounded.payload, { q, locale: 'en', page: 1, limit: 10 })))
    expect(unbounded.watch.most).toBe(queries.length)

    process.env.SEARCH_CONCURRENCY = '3'
    const three = watchedPayload()
    await Promise.all(queries.map((q) => searchIndex(three.payload, { q, locale: 'en', page: 1, limit: 10 })))
    expect(three.watch.most).toBe(3)
  })
})

describe('rebuilding the index', () => {
  it('gives back the same results from the published content', async () => {
    const before = await Promise.all([slugsOf('微信', 'zh'), slugsOf('caledonie', 'fr'), slugsOf('payment', 'en')])
    const client = new pg.Client({ connectionString: db.databaseUrl })
    await client.connect()
    await client.query('TRUNCATE search_documents CASCADE')
    expect((await client.query('SELECT 1 FROM search_documents')).rowCount).toBe(0)
    expect((await client.query('SELECT 1 FROM search_vectors')).rowCount).toBe(0)
    await client.end()
    const { reindexAll } = await import('@/search/indexer')
    await reindexAll(db.payload)
    expect(await Promise.all([slugsOf('微信', 'zh'), slugsOf('caledonie', 'fr'), slugsOf('payment', 'en')])).toEqual(before)
  })
})

describe('many matches: a bounded part read, the answers kept until a change touches them', () => {
  const word = 'plovdrimmet'
  const ids: number[] = []
  const make = (title: string, body: string, publishedAt: string) =>
    db.payload
      .create({ collection: 'articles', locale: 'en', data: { title, body: paragraph(body), destination: 'NC', sourceLocale: 'zh', publishedAt, _status: 'published' } })
      .then((doc) => {
        ids.push(doc.id)
        return doc
      })
  const query = { q: word, locale: 'en' as const, page: 1, limit: 10 }
  const titlesOf = (result: SearchResult) => result.hits.map((hit) => hit.title.map((run) => run.text).join(''))

  beforeAll(async () => {
    await make(`The ${word} guide`, 'Where to start.', '2018-01-01T00:00:00.000Z')
    for (let n = 1; n <= 5; n += 1) await make(`Harbour notes ${n}`, `The ${word} market opens early.`, `2026-0${n}-01T00:00:00.000Z`)
  })

  it('ranks the newest matches and the newest title matches only, whichever way they are found, and pages through what it ranked', async () => {
    // Few matches: read through the GIN index, every one ranked; nothing beyond the last page.
    const all = (await searchIndex(db.payload, query, { ranked: 10, matched: 100 })).result
    expect(all).toMatchObject({ hasNextPage: false, bestOnly: false })
    expect(all.hits).toHaveLength(6)
    expect(titlesOf(all)[0]).toBe(`The ${word} guide`)
    // Up to six read through the GIN index first (2 × ranked): the newest three and the title match of them.
    const sparse = (await searchIndex(db.payload, query, { ranked: 3, scanned: 1, matched: 0 })).result
    expect(sparse).toMatchObject({ hasNextPage: false, bestOnly: true })
    expect(titlesOf(sparse)).toEqual([`The ${word} guide`, 'Harbour notes 5', 'Harbour notes 4', 'Harbour notes 3'])

    // Six matches, two ranked of each kind (more than 2 × 2: past the first GIN read): the newest two
    // body matches and the (old) title match, found among the newest documents (scanned: 1000, more
    // than the test's), through the GIN index (the newest document is not a match: scanned 1), or
    // newest first beyond `matched` (3).
    const paths: Partial<SearchBounds>[] = [
      { ranked: 2, scanned: 1000 },
      { ranked: 2, scanned: 1, matched: 100 },
      { ranked: 2, scanned: 1, matched: 3 },
    ]
    for (const bounds of paths) {
      const bounded = (await searchIndex(db.payload, query, bounds)).result
      expect(bounded, JSON.stringify(bounds)).toMatchObject({ hasNextPage: false, bestOnly: true })
      expect(titlesOf(bounded), JSON.stringify(bounds)).toEqual([`The ${word} guide`, 'Harbour notes 5', 'Harbour notes 4'])
    }
    // Title matches among the newest documents (found there), through their own index, or newest first beyond it: the same candidates.
    for (const bounds of [{ scanned: 1000 }, { scanned: 1, matched: 3 }, { scanned: 1, matched: 0 }]) {
      const titleFirst = (await searchIndex(db.payload, query, { ranked: 1, ...bounds })).result
      expect(titleFirst, JSON.stringify(bounds)).toMatchObject({ hasNextPage: false, bestOnly: true })
      expect(titlesOf(titleFirst), JSON.stringify(bounds)).toEqual([`The ${word} guide`, 'Harbour notes 5'])
    }
    const first = (await searchIndex(db.payload, { ...query, limit: 2 }, { ranked: 2, matched: 3 })).result
    expect(first).toMatchObject({ hasNextPage: true })
    const second = (await searchIndex(db.payload, { ...query, limit: 2, page: 2 }, { ranked: 2, matched: 3 })).result
    expect(second).toMatchObject({ hasNextPage: false, bestOnly: true })
    expect(titlesOf(second)).toEqual(['Harbour notes 4'])
  })

  it('keeps an answer until an edit touches one of its lexemes, before or after, and tags it with them', async () => {
    const { tags: read } = await searchIndex(db.payload, query)
    expect(read).toContain(tags.searchLexeme('en', word))
    const kept = await searchHere(db.payload, query)
    expect(await searchHere(db.payload, query)).toBe(kept)
    // A document without the word changes, and a locale without it of one holding it: the answer stays.
    await make('Lagoon ferries', 'Boats leave at dawn.', '2026-06-01T00:00:00.000Z')
    await db.payload.update({ collection: 'articles', id: ids[2]!, locale: 'zh', data: { title: '港口笔记', _status: 'published' } })
    expect(await searchHere(db.payload, query)).toBe(kept)
    // A document gaining the word, then one losing it: new answers each time.
    await db.payload.update({ collection: 'articles', id: ids.at(-1)!, locale: 'en', data: { title: `Lagoon ferries to the ${word}` } })
    const gained = await searchHere(db.payload, query)
    expect(gained).not.toBe(kept)
    expect(titlesOf(gained)).toContain(`Lagoon ferries to the ${word}`)
    await db.payload.update({ collection: 'articles', id: ids[0]!, locale: 'en', data: { title: 'The harbour guide', body: paragraph('Where to start.') } })
    const lost = await searchHere(db.payload, query)
    expect(lost).not.toBe(gained)
    expect(titlesOf(lost)).not.toContain(`The ${word} guide`)
    expect(lost.hits).toHaveLength(6)
  })

  it("forgets kept answers when another instance announces an edit of their lexemes, and announces its own edits' lexemes", async () => {
    // As Lagon's server listens (src/server/main.ts).
    const bus = listenForChanges({ databaseUrl: db.databaseUrl, onTags: expireInThisInstance, onReconnect: () => {} })
    const sender = new pg.Client({ connectionString: db.databaseUrl })
    await sender.connect()
    try {
      await within(5_000, () => bus.isJobRunner())
      const kept = await searchHere(db.payload, query)
      expect(await searchHere(db.payload, query)).toBe(kept)
      await sender.query('select pg_notify($1, $2)', [changeChannel, JSON.stringify({ origin: 'another instance', tags: [tags.searchLexeme('en', word)] })])
      await within(2_000, async () => (await searchHere(db.payload, query)) !== kept)

      // This instance's own edit: heard by the others with the lexemes it touched.
      const listener = new pg.Client({ connectionString: db.databaseUrl })
      const announced: string[] = []
      await listener.connect()
      listener.on('notification', ({ payload }) => announced.push(...(JSON.parse(payload!) as { tags: string[] }).tags))
      await listener.query(`listen ${changeChannel}`)
      await db.payload.update({ collection: 'articles', id: ids[1]!, locale: 'en', data: { title: 'Harbour notes, revised' } })
      await within(2_000, async () => announced.includes(tags.searchLexeme('en', word)) && announced.includes(tags.searchLexeme('en', 'revis')))
      await listener.end()
    } finally {
      await sender.end()
      await bus.stop()
    }
  })
})
