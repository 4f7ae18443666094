import type { CollectionSlug, Payload, Where } from 'payload'
import type { PoolClient } from 'pg'

import { keepLocales, publishedIn } from '@/access/readerView'
import { tagsToExpire, type ChangeEvent } from '@/freshness/changeEvent'
import { expireEverywhere } from '@/freshness/expire'
import { gate } from '@/lib/gate'
import { isRecord } from '@/lib/isRecord'
import { localeCodes, segmentsAsChinese, type Locale } from '@/lib/locales'
import { tags } from '@/site/tags'

import { chineseTokens } from './chinese'
import { documentText, isSearched, searchedCollections, searchedSelect, type DocumentText, type SearchedCollection } from './documentText'
import { withoutMarks } from './marks'
import { searchConfig } from './settings'
import { wordsOf } from './words'

type Doc = Record<string, unknown>

/** One published locale of a document, as the index keeps it. */
export type SearchRow = { locale: Locale; slug: string | null; text: DocumentText; recency: string }

/**
 * The stored documents, every locale, as the database adapter gives them: the rows readers' reads
 * start from (the published version: drafts live in the versions table), without the afterRead
 * pass over every field of every locale, which made a rebuild of 10,000 guides take half an hour.
 */
const readStored = (payload: Payload, collection: SearchedCollection, where: Where, page = 1, limit = 1) =>
  payload.db.find<Doc>({ collection: collection as CollectionSlug, locale: 'all', where, page, limit, sort: 'id', pagination: true, select: searchedSelect(collection) })

/**
 * The rows a document gives the index: one per locale readers may read, by the one reader rule
 * (src/access/readerView.ts): a locale's values are readers' once it is published.
 */
export const searchRows = (payload: Payload, collection: SearchedCollection, doc: Doc): SearchRow[] => {
  const published = publishedIn(doc._status, undefined)
  if (published.size === 0) return []
  const row = structuredClone(doc)
  keepLocales(payload.collections[collection].config.flattenedFields, row, published)
  const recency = String(row.publishedAt ?? row.updatedAt ?? row.createdAt ?? new Date().toISOString())
  return localeCodes
    .filter((locale) => published.has(locale))
    .map((locale) => {
      const slug = isRecord(row.slug) ? row.slug[locale] : row.slug
      return { locale, slug: typeof slug === 'string' && slug !== '' ? slug : null, text: documentText(collection, row, locale), recency }
    })
    .filter((each) => each.text.title !== '' || each.text.body !== '')
}

/** The tsvector's inputs for a locale: Chinese as jieba's tokens under `simple`, the others as text under their configuration. */
const vectorInputs = (locale: Locale, text: DocumentText): string[] => {
  const parts = [text.title, text.summary, text.body].map(withoutMarks)
  if (segmentsAsChinese(locale)) return parts.map((part) => chineseTokens(part, 'index').join(' '))
  // Readers write Wi-Fi as wifi and e-mail as email: hyphenated words count joined too (in the body's weight).
  const joined = parts.join('\n').match(/\p{L}+(?:-\p{L}+)+/gu)?.map((word) => word.replace(/-/g, '')) ?? []
  return [parts[0]!, parts[1]!, [parts[2], ...joined].join('\n')]
}

/**
 * A locale version's texts, then its vector (src/search/query.ts reads them apart), in one
 * statement: the vector is written only when the texts were, so an older read never replaces
 * either. Its lexemes are returned for the kept searches to expire.
 */
const upsert = `
  WITH written AS (
    INSERT INTO search_documents (collection, doc_id, locale, slug, title, summary, body, recency, indexed_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
    ON CONFLICT (collection, doc_id, locale) DO UPDATE SET
      slug = excluded.slug, title = excluded.title, summary = excluded.summary, body = excluded.body,
      recency = excluded.recency, indexed_at = excluded.indexed_at
    WHERE search_documents.indexed_at <= excluded.indexed_at
    RETURNING collection, doc_id, locale, recency
  )
  INSERT INTO search_vectors (collection, doc_id, locale, recency, tsv)
  SELECT collection, doc_id, locale, recency,
    setweight(to_tsvector($10::regconfig, $11), 'A') || setweight(to_tsvector($10::regconfig, $12), 'B') || setweight(to_tsvector($10::regconfig, $13), 'C')
  FROM written
  ON CONFLICT (collection, doc_id, locale) DO UPDATE SET recency = excluded.recency, tsv = excluded.tsv
  RETURNING tsvector_to_array(tsv) AS lexemes`

type StoredRow = { locale: Locale; slug: string | null; title: string; summary: string; body: string; recency: Date; lexemes: string[] }

/** Whether a stored row already says what `row` says: the same text, slug and date. */
const sameRow = (stored: StoredRow, row: SearchRow): boolean =>
  stored.locale === row.locale &&
  stored.slug === row.slug &&
  stored.title === withoutMarks(row.text.title) &&
  stored.summary === withoutMarks(row.text.summary) &&
  stored.body === withoutMarks(row.text.body) &&
  stored.recency.getTime() === new Date(row.recency).getTime()

/**
 * Writes a document's rows, read at `readAt` (the database's clock), and removes its other
 * locales' rows. A row written from a later read is never overwritten by an earlier one.
 * `expires`, when given, receives the tags of the readers' searches the write may change
 * (src/search/cache.ts): the lexemes, before and after, of the rows whose text, slug or date
 * changed, and the locales whose vocabulary grew ("did you mean").
 */
const writeRows = async (
  client: PoolClient,
  collection: SearchedCollection,
  id: number,
  rows: SearchRow[],
  readAt: Date,
  expires?: Set<string>,
): Promise<void> => {
  const lexemeTags = (locale: Locale, lexemes: string[]) => lexemes.forEach((lexeme) => expires?.add(tags.searchLexeme(locale, lexeme)))
  // The rows before, to tell which change: a save of one locale re-indexes them all.
  const before = expires
    ? (
        await client.query<StoredRow>(
          `SELECT d.locale, d.slug, d.title, d.summary, d.body, d.recency, coalesce(tsvector_to_array(v.tsv), '{}') AS lexemes
           FROM search_documents d LEFT JOIN search_vectors v USING (collection, doc_id, locale) WHERE d.collection = $1 AND d.doc_id = $2`,
          [collection, id],
        )
      ).rows
    : []
  const unchanged = new Set(rows.filter((row) => before.some((stored) => sameRow(stored, row))).map((row) => row.locale))
  for (const stored of before) if (!unchanged.has(stored.locale)) lexemeTags(stored.locale, stored.lexemes)
  await client.query('DELETE FROM search_documents WHERE collection = $1 AND doc_id = $2 AND NOT (locale = ANY($3)) AND indexed_at <= $4', [
    collection,
    id,
    rows.map((row) => row.locale),
    readAt,
  ])
  for (const row of rows) {
    const [title, summary, body] = vectorInputs(row.locale, row.text)
    const written = await client.query<{ lexemes: string[] }>(upsert, [
      collection,
      id,
      row.locale,
      row.slug,
      withoutMarks(row.text.title),
      withoutMarks(row.text.summary),
      withoutMarks(row.text.body),
      row.recency,
      readAt,
      searchConfig[row.locale],
      title,
      summary,
      body,
    ])
    if (!unchanged.has(row.locale)) for (const each of written.rows) lexemeTags(row.locale, each.lexemes)
    const words = segmentsAsChinese(row.locale) ? [] : wordsOf([row.text.title, row.text.summary, row.text.body].join('\n'))
    if (words.length > 0) {
      const added = await client.query(
        'INSERT INTO search_words (locale, plain, word) SELECT $1, plain, word FROM unnest($2::text[], $3::text[]) AS words(plain, word) ON CONFLICT DO NOTHING',
        [row.locale, words.map((word) => word.plain), words.map((word) => word.word)],
      )
      if (added.rowCount) expires?.add(tags.searchWords(row.locale))
    }
  }
}

const pool = (payload: Payload) => (payload.db as unknown as { pool: { connect: () => Promise<PoolClient> } }).pool

const inTransaction = async <T>(payload: Payload, work: (client: PoolClient) => Promise<T>): Promise<T> => {
  const client = await pool(payload).connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

const databaseNow = async (client: PoolClient): Promise<Date> => (await client.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0]!.now

/**
 * At most this many documents are indexed at once in a process, so that indexing after a burst of
 * saves leaves the pool to the saves.
 */
const throughGate = gate('lagon.search.gate', () => 3)

/**
 * Brings one document's rows in line with what is committed. The document is read before a
 * connection is held for the write: holding one while reading on a second let indexings and saves
 * waiting for the pool wait on each other (tests/concurrentSaves). Of two indexings of a document,
 * the later read wins: rows carry the database time their read began, and an older one never
 * replaces a newer one (`indexed_at`), the document's lock ordering the writes on every instance.
 */
export const indexDocument = (payload: Payload, collection: SearchedCollection, id: number): Promise<void> =>
  throughGate(async () => {
    const readAt = await inTransaction(payload, databaseNow)
    const [doc] = (await readStored(payload, collection, { id: { equals: id } })).docs
    const expires = new Set<string>()
    await inTransaction(payload, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lagon:search:${collection}:${id}`])
      await writeRows(client, collection, id, doc ? searchRows(payload, collection, doc) : [], readAt, expires)
    })
    // Once committed: a search that read the rows before is then never kept (src/freshness/taggedStore.ts).
    await expireEverywhere(payload, [...expires])
  })

/**
 * A committed change (src/freshness/), on the instance that made it: the document's rows follow,
 * before the write's response leaves. A change readers cannot see (a draft of an unpublished
 * locale, an autosave) expires no tag, and changes nothing here either.
 */
export const indexChange = async (payload: Payload, event: ChangeEvent): Promise<void> => {
  if (!isSearched(event.collection) || tagsToExpire(event).length === 0) return
  await indexDocument(payload, event.collection, Number(event.id))
}

export type ReindexProgress = (collection: SearchedCollection, done: number, total: number) => void

/**
 * Every published document read again into the index, a page at a time; rows of documents gone
 * meanwhile are removed. Rows an edit indexed during the rebuild are newer than the page read
 * before it, and stay.
 */
export const reindexAll = async (payload: Payload, progress: ReindexProgress = () => {}, pageSize = 100): Promise<Record<SearchedCollection, number>> => {
  const counts = { articles: 0, carriers: 0, tips: 0 }
  for (const collection of searchedCollections) {
    const startedAt = await inTransaction(payload, databaseNow)
    let page = 1
    let done = 0
    for (;;) {
      const readAt = await inTransaction(payload, databaseNow)
      const result = await readStored(payload, collection, {}, page, pageSize)
      await inTransaction(payload, async (client) => {
        for (const doc of result.docs) {
          const rows = searchRows(payload, collection, doc)
          await writeRows(client, collection, Number(doc.id), rows, readAt)
          counts[collection] += rows.length
        }
      })
      done += result.docs.length
      progress(collection, done, result.totalDocs)
      if (!result.hasNextPage) break
      page += 1
    }
    await inTransaction(payload, (client) => client.query('DELETE FROM search_documents WHERE collection = $1 AND indexed_at < $2', [collection, startedAt]))
    // Readers' searches kept by every instance: a rebuild's rows tell no lexemes apart.
    await expireEverywhere(payload, [tags.searchIndex])
  }
  return counts
}

/** A whole rebuild when the index holds nothing (a database from before search), else nothing: every save indexes itself. Returns the rows written. */
export const reindexIfEmpty = async (payload: Payload): Promise<number | undefined> => {
  const { rowCount } = await pool(payload).connect().then(async (client) => {
    try {
      return await client.query('SELECT 1 FROM search_documents LIMIT 1')
    } finally {
      client.release()
    }
  })
  if (rowCount) return undefined
  const counts = await reindexAll(payload)
  return counts.articles + counts.carriers + counts.tips
}
