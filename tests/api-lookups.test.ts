import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

/**
 * A read that looks a document up by a unique field (`where[slug][equals]=…`, an id) finds one
 * document at most: Payload's count of its matches is skipped (src/api/hooks/uncountedUniqueLookups.ts),
 * and the answer must be the very list a counted read gives. The counted read to compare with is
 * the same condition inside an `or`, which the hook leaves to Payload's count.
 */

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>
const statements: string[] = []

beforeAll(async () => {
  db = await startPayload('migrated', { API_RATE_LIMIT: '0' })
  api = await startApiServer()
  await createStaff(db.payload)
  editor = await login(api.url, 'editor@lagon.test', password)
  // Every statement the API sends, as PostgreSQL receives it: which reads counted their matches.
  const pool = db.payload.db.pool as unknown as { query: (...args: unknown[]) => unknown }
  const query = pool.query.bind(pool)
  pool.query = (...args: unknown[]) => {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text
    if (text) statements.push(text)
    return query(...args)
  }
}, 120_000)
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const article = (slug: string, locale: 'zh' | 'en', title = '已发布') =>
  db.payload.create({ collection: 'articles', locale, data: { title, slug, destination: 'NC', _status: 'published' } })

/** A read's status, its JSON, and whether it counted its matches. */
const read = async (path: string, headers: Record<string, string> = editor) => {
  statements.length = 0
  const response = await fetch(`${api.url}${path}`, { headers })
  const body = (await response.json()) as { docs: { id: number }[]; totalDocs: number; limit: number }
  return { status: response.status, body, counted: statements.some((text) => /\bcount\(/i.test(text)) }
}

/** The same `where` as a counted read: inside an `or`, it no longer says "one document at most". */
const counted = (path: string) => path.replace('where[slug]', 'where[or][0][slug]')

describe('a lookup by a unique field', () => {
  it('answers the same list as a counted read, without counting', async () => {
    const { id } = await article('lookup-found', 'zh')
    await article('lookup-other', 'zh')
    const path = '/api/articles?where[slug][equals]=lookup-found&locale=zh&depth=0&select[title]=true'
    const lookup = await read(path)
    const reference = await read(counted(path))
    expect(lookup.status).toBe(200)
    expect(lookup.body).toEqual(reference.body)
    expect(lookup.body.docs.map((doc) => doc.id)).toEqual([id])
    expect(lookup.body.limit).toBe(10)
    expect([lookup.counted, reference.counted]).toEqual([false, true])
    // By id in a where: the same.
    const byId = await read(`/api/articles?where[id][equals]=${id}&locale=zh&depth=0`)
    expect(byId.body).toEqual((await read(`/api/articles?where[or][0][id][equals]=${id}&locale=zh&depth=0`)).body)
    expect(byId.counted).toBe(false)
  })

  it('answers an empty list as a counted read does, and keeps the limit asked for', async () => {
    const missing = '/api/articles?where[slug][equals]=lookup-nowhere&locale=zh&depth=0'
    expect((await read(missing)).body).toEqual((await read(counted(missing))).body)
    const limited = '/api/articles?where[slug][equals]=lookup-found&locale=zh&depth=0&limit=3'
    const lookup = await read(limited)
    expect(lookup.body).toEqual((await read(counted(limited))).body)
    expect(lookup.body.limit).toBe(3)
  })

  it('is the same for readers (a cache miss) as for staff', async () => {
    const path = '/api/articles?where[slug][equals]=lookup-found&locale=zh&depth=0&select[title]=true&miss=1'
    const lookup = await read(path, {})
    expect(lookup.status).toBe(200)
    expect(lookup.body).toEqual((await read(counted(path), {})).body)
    expect(lookup.counted).toBe(false)
  })

  it('is counted where it may find several documents, or another page', async () => {
    // In every locale at once (`locale=all`), a slug unique per locale can name two documents.
    await article('lookup-shared', 'zh')
    await article('lookup-shared', 'en', 'Published')
    const everyLocale = await read('/api/articles?where[slug][equals]=lookup-shared&locale=all&depth=0')
    expect(everyLocale.counted).toBe(true)
    expect(everyLocale.body.totalDocs).toBe(everyLocale.body.docs.length)
    const secondPage = '/api/articles?where[slug][equals]=lookup-found&locale=zh&depth=0&page=2'
    // (Payload finds no id past the first page, and answers without counting either way.)
    expect((await read(secondPage)).body).toEqual((await read(counted(secondPage))).body)
    // Drafts are looked up among versions, where a slug is not unique.
    expect((await read('/api/articles?where[slug][equals]=lookup-found&locale=zh&depth=0&draft=true')).counted).toBe(true)
  })
})

describe('a lookup by a unique localized field, compared with Payload’s own', () => {
  it('finds exactly what Payload’s condition finds: the locale read, the value as written, no fallback', async () => {
    await article('by-id-found', 'zh')
    await article('by-id-english', 'en', 'English only')
    const cases = [
      '/api/articles?where[slug][equals]=by-id-found&locale=zh&depth=0',
      '/api/articles?where[slug][equals]=BY-ID-FOUND&locale=zh&depth=0',
      '/api/articles?where[slug][equals]=by-id-english&locale=zh&depth=0',
      '/api/articles?where[slug][equals]=by-id-english&locale=en&depth=0',
      // fr falls back to zh for its fields, never for the lookup: zh's slug names nothing in fr.
      '/api/articles?where[slug][equals]=by-id-found&locale=fr&depth=0',
      '/api/articles?where[slug][equals]=by-id-found&locale=all&depth=0',
      '/api/articles?where[slug][equals]=by-id-found&locale=zh&depth=0&draft=true',
      '/api/articles?where[slug][equals]=by-id-found&locale=zh&depth=0&page=2',
      '/api/articles?where[slug][equals]=by-id-found&locale=zh&depth=0&limit=1&select[slug]=true',
    ]
    for (const path of cases) {
      for (const headers of [editor, {}]) {
        const lookup = await read(`${path}&miss=${Math.random()}`, headers)
        const reference = await read(`${counted(path)}&miss=${Math.random()}`, headers)
        // (Readers may not ask for every locale at once: a 400 for both.)
        expect([lookup.status, lookup.body], path).toEqual([reference.status, reference.body])
      }
    }
    expect((await read('/api/articles?where[slug][equals]=by-id-english&locale=en&depth=0')).body.docs).toHaveLength(1)
    expect((await read('/api/articles?where[slug][equals]=by-id-english&locale=zh&depth=0')).body.docs).toHaveLength(0)
  })

  it('never shows readers a draft found by its slug', async () => {
    const draft = await db.payload.create({ collection: 'articles', locale: 'zh', data: { title: '草稿', slug: 'by-id-draft', destination: 'NC', _status: 'draft' } })
    const path = '/api/articles?where[slug][equals]=by-id-draft&locale=zh&depth=0'
    const forReaders = await read(`${path}&miss=reader`, {})
    expect(forReaders.status).toBe(200)
    expect(forReaders.body.docs).toEqual([])
    expect(forReaders.body.totalDocs).toBe(0)
    // Staff read the document itself (its stored version, as Payload answers without draft=true).
    const forStaff = await read(path)
    expect(forStaff.body).toEqual((await read(counted(path))).body)
    expect(forStaff.body.docs.map((doc) => doc.id)).toEqual([draft.id])
  })
})
