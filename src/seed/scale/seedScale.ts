import type pg from 'pg'

import { sourceLocale } from '@/lib/locales'

import { keyOf, scaleArticle, scaleCarrier, scaleTip, type ScaleCollection, type ScaleDocument } from './documents'
import { addRows, type Rows } from './rows'

export type ScaleCounts = Record<ScaleCollection, number>

export type ScaleProgress = (collection: ScaleCollection, done: number, total: number) => void

export type ScaleSummary = Record<ScaleCollection, { created: number; existing: number }> & {
  /** Locale versions published for readers, over the documents this run made. */
  publishedLocales: number
  draftLocales: number
}

/** Documents per transaction: big enough to amortise a round trip, small enough to keep each statement's JSON a few MB. */
const batchSize = 200

/**
 * Inserts rows through one JSON parameter per table: PostgreSQL casts each value to its column's
 * type (enums, jsonb, timestamps) as it would for Payload's own inserts, in one statement.
 */
const insertRows = async (client: pg.PoolClient | pg.Client, table: string, rows: Record<string, unknown>[]) => {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((column) => `"${column}"`).join(', ')
  await client.query(`insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", $1::json)`, [
    JSON.stringify(rows),
  ])
}

const nextIds = async (client: pg.PoolClient | pg.Client, table: string, count: number): Promise<number[]> => {
  if (count === 0) return []
  const { rows } = await client.query<{ id: number }>(`select nextval(pg_get_serial_sequence($1, 'id'))::int as id from generate_series(1, $2)`, [
    table,
    count,
  ])
  return rows.map((row) => row.id)
}

/** The ids of the documents whose source-locale slug is one of `keys` (documents an earlier run made). */
const existingIds = async (client: pg.PoolClient | pg.Client, collection: ScaleCollection, keys: string[]): Promise<Map<string, number>> => {
  const { rows } = await client.query<{ slug: string; id: number }>(
    `select slug, _parent_id as id from "${collection}_locales" where _locale = $1 and slug = any($2::varchar[])`,
    [sourceLocale, keys],
  )
  return new Map(rows.map((row) => [row.slug, row.id]))
}

type Written = { ids: Map<string, number>; created: number; published: number; drafts: number }

/** Writes `count` documents of a collection in batches of one transaction each; those present already are left as they are. */
const writeCollection = async (
  client: pg.Client,
  collection: ScaleCollection,
  count: number,
  make: (index: number) => ScaleDocument,
  progress: ScaleProgress,
): Promise<Written> => {
  const written: Written = { ids: new Map(), created: 0, published: 0, drafts: 0 }
  for (let start = 1; start <= count; start += batchSize) {
    const docs = Array.from({ length: Math.min(batchSize, count - start + 1) }, (_, offset) => make(start + offset))
    const keys = docs.map(keyOf)
    await client.query('begin')
    try {
      const existing = await existingIds(client, collection, keys)
      const fresh = docs.filter((doc) => !existing.has(keyOf(doc)))
      const ids = await nextIds(client, collection, fresh.length)
      const versionIds = await nextIds(client, `_${collection}_v`, fresh.length)
      const offerIds = await nextIds(client, `_${collection}_v_version_offers`, fresh.reduce((sum, doc) => sum + doc.offers.length, 0))
      const rows: Rows = new Map()
      fresh.forEach((doc, index) => {
        const versionOfferIds = offerIds.splice(0, doc.offers.length)
        addRows(rows, doc, { id: ids[index]!, versionId: versionIds[index]!, versionOfferIds }, keyOf(doc))
        existing.set(keyOf(doc), ids[index]!)
        for (const { status } of Object.values(doc.locales)) {
          if (status === 'published') written.published += 1
          else written.drafts += 1
        }
      })
      for (const [table, tableRows] of rows) await insertRows(client, table, tableRows)
      await client.query('commit')
      written.created += fresh.length
      for (const [key, id] of existing) written.ids.set(key, id)
    } catch (error) {
      await client.query('rollback')
      throw error
    }
    progress(collection, Math.min(start + batchSize - 1, count), count)
  }
  return written
}

/**
 * `counts` synthetic carriers, tips and articles (zh, en, fr; some locales unpublished or
 * outdated), written in bulk as Payload stores them. Idempotent: the n-th document is the same on
 * every run, and one a previous run made (found by its source-locale slug) is not written again.
 */
export const seedScale = async (client: pg.Client, counts: ScaleCounts, progress: ScaleProgress = () => {}): Promise<ScaleSummary> => {
  const carriers = await writeCollection(client, 'carriers', counts.carriers, scaleCarrier, progress)
  const tips = await writeCollection(client, 'tips', counts.tips, scaleTip, progress)
  const carrierRefs = Array.from({ length: counts.carriers }, (_, index) => {
    const carrier = scaleCarrier(index + 1)
    return { id: carriers.ids.get(keyOf(carrier))!, destination: carrier.columns.destination as string }
  })
  const tipRefs = Array.from({ length: counts.tips }, (_, index) => tips.ids.get(keyOf(scaleTip(index + 1)))!)
  const articles = await writeCollection(client, 'articles', counts.articles, (index) => scaleArticle(index, { carriers: carrierRefs, tips: tipRefs }), progress)
  const all = [carriers, tips, articles]
  return {
    carriers: { created: carriers.created, existing: counts.carriers - carriers.created },
    tips: { created: tips.created, existing: counts.tips - tips.created },
    articles: { created: articles.created, existing: counts.articles - articles.created },
    publishedLocales: all.reduce((sum, each) => sum + each.published, 0),
    draftLocales: all.reduce((sum, each) => sum + each.drafts, 0),
  }
}
