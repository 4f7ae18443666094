import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lagonCommand, run } from '@/cli/processes'

import { startApiServer } from './helpers/apiServer'
import { startPayload, type TestPayload } from './helpers/payload'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>

const counts = { articles: 30, carriers: 5, tips: 12 }

/** `npm run seed:scale`'s command, as the package script runs it, on this file's database. */
const seedScale = async () => {
  const args = Object.entries(counts).flatMap(([name, value]) => [`--${name}`, String(value)])
  const { code, output } = await run(...lagonCommand('seed-scale', ...args), { ...process.env, DATABASE_URL: db.databaseUrl }, { quiet: true, timeoutMs: 120_000 })
  expect(code, output).toBe(0)
  return output
}

const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> => {
  const client = new pg.Client({ connectionString: db.databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(sql, values)).rows
  } finally {
    await client.end()
  }
}

const tables = ['articles', 'carriers', 'tips'].flatMap((collection) => [
  collection,
  `${collection}_locales`,
  `${collection}_sources`,
  `${collection}_texts`,
  `_${collection}_v`,
  `_${collection}_v_locales`,
])
const tableCounts = async () =>
  Object.fromEntries(await Promise.all(tables.map(async (table) => [table, (await query<{ n: number }>(`select count(*)::int as n from "${table}"`))[0]!.n])))

type AllLocales = { id: number; title: Record<string, string>; slug: Record<string, string>; _status: Record<string, string> }

let articles: AllLocales[]
let firstRun: string

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  firstRun = await seedScale()
  articles = (await db.payload.find({ collection: 'articles', locale: 'all', depth: 0, limit: 100, overrideAccess: true })).docs as unknown as AllLocales[]
}, 240_000)
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const anonymous = async (pathname: string) => {
  const response = await fetch(`${api.url}${pathname}`)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('npm run seed:scale', () => {
  it('writes the documents asked for, with a summary', async () => {
    expect(firstRun).toContain('articles 30 created, 0 already there')
    for (const [collection, count] of Object.entries(counts)) {
      expect((await db.payload.count({ collection: collection as keyof typeof counts, overrideAccess: true })).totalDocs).toBe(count)
    }
  })

  it('makes documents Payload reads back through REST in each published locale, with their embeds', async () => {
    const everywhere = articles.filter((doc) => ['zh', 'en', 'fr'].every((locale) => doc._status[locale] === 'published'))
    expect(everywhere.length).toBeGreaterThan(5)
    const doc = everywhere[0]!
    const titles = new Set<string>()
    for (const locale of ['zh', 'en', 'fr']) {
      const { status, body } = await anonymous(`/api/articles/${doc.id}?locale=${locale}&depth=1`)
      expect(status).toBe(200)
      expect(body.title).toBe(doc.title[locale])
      expect(body.slug).toBe(doc.slug[locale])
      titles.add(body.title as string)
      const text = JSON.stringify(body.body)
      expect(text.length).toBeGreaterThan(1500)
      expect(text).toContain('"blockType":"carrierEmbed"')
      expect((body.sources as unknown[]).length).toBeGreaterThan(1)
      // Relationships point at real carriers: populated, or left an id when not published in this locale.
      for (const carrier of body.relatedCarriers as unknown[]) {
        if (typeof carrier === 'number') expect((await anonymous(`/api/carriers/${carrier}?locale=${locale}`)).status).toBe(404)
        else expect(carrier).toMatchObject({ id: expect.any(Number), kind: expect.any(String) })
      }
    }
    expect(titles.size).toBe(3)
    // The admin reads the latest version: it holds the same document.
    const draft = await db.payload.findByID({ collection: 'articles', id: doc.id, draft: true, locale: 'fr', depth: 0 })
    expect(draft.title).toBe(doc.title.fr)
    expect(draft.slug).toBe(doc.slug.fr)
  })

  it('leaves some locales unpublished or untranslated, and readers get a 404 there', async () => {
    const unpublished = articles.flatMap((doc) => Object.entries(doc._status).filter(([, status]) => status === 'draft').map(([locale]) => ({ doc, locale })))
    expect(unpublished.length).toBeGreaterThan(0)
    const { doc, locale } = unpublished[0]!
    expect((await anonymous(`/api/articles/${doc.id}?locale=${locale}`)).status).toBe(404)
    expect(articles.some((each) => !each.title.fr)).toBe(true)
  })

  it('marks some translations outdated: made from an older source than the document has', async () => {
    const rows = await query<{ stale: number }>(
      `select count(*)::int as stale from articles_locales l join articles a on a.id = l._parent_id
       where l._locale <> 'zh' and l.translation_source_fingerprint <> a.source_fingerprint`,
    )
    expect(rows[0]!.stale).toBeGreaterThan(0)
  })

  it('is idempotent: a second run writes nothing and changes nothing', async () => {
    const before = await tableCounts()
    const contentBefore = await query(`select _parent_id, _locale, title, slug, _status, body from articles_locales order by _parent_id, _locale`)
    const output = await seedScale()
    expect(output).toContain('articles 0 created, 30 already there')
    expect(await tableCounts()).toEqual(before)
    expect(await query(`select _parent_id, _locale, title, slug, _status, body from articles_locales order by _parent_id, _locale`)).toEqual(contentBefore)
  })

  it('gives previous slugs an index, as current slugs have: a slug lookup reads a few rows', async () => {
    const indexes = (await query<{ indexdef: string }>(`select indexdef from pg_indexes where schemaname = 'public'`)).map((row) => row.indexdef)
    for (const collection of ['articles', 'carriers', 'tips']) {
      // The column a lookup filters on leads the index, so the index answers `slug = $1` alone.
      expect(indexes).toContain(`CREATE UNIQUE INDEX ${collection}_slug_idx ON public.${collection}_locales USING btree (slug, _locale)`)
      expect(indexes).toContain(`CREATE INDEX ${collection}_texts_text_idx ON public.${collection}_texts USING btree (text)`)
    }
  })
})
