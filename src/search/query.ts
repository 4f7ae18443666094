import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { segmentsAsChinese, type Locale } from '@/lib/locales'
import { paths } from '@/site/paths'

import { chineseTokens, wordsInside } from './chinese'
import type { SearchedCollection } from './documentText'
import { markStart, markStop, runsOf, withoutMarks, type Highlighted } from './marks'
import { searchConfig } from './settings'
import { plainWord } from './words'

/** A reader's query as PostgreSQL takes it: lexemes quoted one by one, so that no character the reader typed is an operator. */
const lexeme = (word: string): string => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** The words of a query in a Latin-script locale: runs of letters and digits, whatever surrounds them. */
const latinWords = (q: string): string[] => q.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []

/**
 * The words a query looks for, in the locale's own terms: jieba's words for Chinese (Traditional
 * as Simplified), runs of letters for the others (PostgreSQL stems them and drops their accents).
 */
export const queryWords = (locale: Locale, q: string): string[] => [...new Set(segmentsAsChinese(locale) ? chineseTokens(q, 'query') : latinWords(q))]

/**
 * The tsquery of a query's words, all of them required. A Chinese word also matches as the
 * shorter words jieba's search mode indexed it as (支付宝绑卡 as 支付宝 & 绑卡), in case the
 * text around it made jieba cut it otherwise there.
 */
export const tsqueryText = (locale: Locale, words: string[]): string =>
  words
    .map((word) => {
      const inside = segmentsAsChinese(locale) ? wordsInside(word) : []
      return inside.length > 0 ? `(${lexeme(word)} | (${inside.map(lexeme).join(' & ')}))` : lexeme(word)
    })
    .join(' & ')

export type SearchHit = {
  collection: SearchedCollection
  id: number
  locale: Locale
  slug: string | null
  /** Where a reader reads it on the site. */
  path: string
  title: Highlighted
  snippet: Highlighted
  /** The article's publication date, or the last change of a carrier or tip. */
  date: string
}

export type SearchResult = {
  hits: SearchHit[]
  totalDocs: number
  page: number
  limit: number
  totalPages: number
  /** A query with its misspelt words corrected, when the query found nothing and the correction finds something. */
  suggestion: string | null
}

const pathOf = (collection: SearchedCollection, locale: Locale, slug: string | null): string => {
  if (collection === 'articles') return slug ? paths.guide(locale, slug) : paths.guides(locale)
  if (collection === 'carriers') return slug ? paths.carrier(locale, slug) : paths.carriers(locale)
  return slug ? `${paths.tips(locale)}#${encodeURIComponent(slug)}` : paths.tips(locale)
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Chinese highlights, made here: ts_headline finds no words in text without spaces. */
const chineseHighlight = (text: string, words: string[], around?: number): string => {
  const needles = [...new Set(words.flatMap((word) => [word, ...wordsInside(word)]))].sort((a, b) => b.length - a.length)
  if (needles.length === 0) return around === undefined ? text : text.slice(0, around)
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'giu')
  let shown = text
  if (around !== undefined) {
    const first = text.search(pattern)
    const start = Math.max(0, first - Math.floor(around / 4))
    shown = `${start > 0 ? '…' : ''}${text.slice(start, start + around).trim()}${start + around < text.length ? '…' : ''}`
  }
  return shown.replace(pattern, (hit) => `${markStart}${hit}${markStop}`)
}

const headlineOptions = (all: boolean) =>
  all
    ? `StartSel=${markStart}, StopSel=${markStop}, HighlightAll=true`
    : `StartSel=${markStart}, StopSel=${markStop}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`

type Row = { collection: SearchedCollection; doc_id: number; slug: string | null; title: string; text: string; recency: Date; total: string }

/**
 * Rank: ts_rank with the title weighted above the summary and the summary above the body (A, B,
 * C), lifted by up to half for a recent document (a year's half-life), then newest first.
 * The locale is written into the statement (it is one of three), so that its partial index is used.
 */
const searchSql = (locale: Locale) => `
  WITH matched AS (
    SELECT d.collection, d.doc_id, d.slug, d.title, d.summary, d.body, d.recency,
      ts_rank(d.tsv, query) * (1 + 0.5 * power(0.5, extract(epoch FROM (now() - d.recency)) / 31557600.0)) AS score,
      count(*) OVER () AS total
    FROM search_documents d, to_tsquery('${searchConfig[locale]}', $1) AS query
    WHERE d.locale = '${locale}' AND d.tsv @@ query
    ORDER BY score DESC, d.recency DESC, d.collection, d.doc_id
    LIMIT $2 OFFSET $3
  )
  SELECT collection, doc_id, slug, recency, total,
    ${segmentsAsChinese(locale) ? 'title' : `ts_headline('${searchConfig[locale]}', title, to_tsquery('${searchConfig[locale]}', $1), $4)`} AS title,
    ${
      segmentsAsChinese(locale)
        ? `concat_ws(E'\\n', nullif(summary, ''), nullif(body, ''))`
        : `ts_headline('${searchConfig[locale]}', concat_ws(E'\\n', nullif(summary, ''), nullif(body, '')), to_tsquery('${searchConfig[locale]}', $1), $5)`
    } AS text
  FROM matched ORDER BY score DESC, recency DESC, collection, doc_id`

const countSql = (locale: Locale) =>
  `SELECT count(*) AS total FROM search_documents d WHERE d.locale = '${locale}' AND d.tsv @@ to_tsquery('${searchConfig[locale]}', $1)`

const poolOf = (payload: Payload): Pool => (payload.db as unknown as { pool: Pool }).pool

const snippetLength = 120

const run = async (pool: Pool, locale: Locale, words: string[], page: number, limit: number): Promise<{ rows: Row[]; total: number }> => {
  if (words.length === 0) return { rows: [], total: 0 }
  const query = tsqueryText(locale, words)
  const parameters: unknown[] = [query, limit, (page - 1) * limit]
  if (!segmentsAsChinese(locale)) parameters.push(headlineOptions(true), headlineOptions(false))
  const { rows } = await pool.query<Row>(searchSql(locale), parameters)
  if (rows.length > 0) return { rows, total: Number(rows[0]!.total) }
  if (page === 1) return { rows, total: 0 }
  const counted = await pool.query<{ total: string }>(countSql(locale), [query])
  return { rows, total: Number(counted.rows[0]!.total) }
}

/**
 * "Did you mean": each word of a Latin-script query that no indexed text holds, replaced by the
 * indexed word nearest to it by trigrams (accents aside), if the corrected query finds something.
 */
const suggestion = async (pool: Pool, locale: Locale, q: string): Promise<string | null> => {
  if (segmentsAsChinese(locale)) return null
  let corrected = q
  let changed = false
  for (const word of latinWords(q)) {
    const plain = plainWord(word)
    if (plain.length < 3 || /\d/.test(plain)) continue
    const known = await pool.query('SELECT 1 FROM search_words WHERE locale = $1 AND plain = $2', [locale, plain])
    if (known.rowCount) continue
    const { rows } = await pool.query<{ word: string }>(
      'SELECT word FROM search_words WHERE locale = $1 AND plain % $2 ORDER BY similarity(plain, $2) DESC, plain LIMIT 1',
      [locale, plain],
    )
    if (!rows[0]) continue
    corrected = corrected.replace(word, rows[0].word)
    changed = true
  }
  if (!changed) return null
  const { total } = await run(pool, locale, queryWords(locale, corrected), 1, 1)
  return total > 0 ? corrected : null
}

/**
 * One page of a reader's search in one locale, over what readers may read (the index holds
 * nothing else: src/search/indexer.ts). `q` has been checked (src/search/input.ts).
 */
export const search = async (payload: Payload, { q, locale, page, limit }: { q: string; locale: Locale; page: number; limit: number }): Promise<SearchResult> => {
  const pool = poolOf(payload)
  const cleanQuery = withoutMarks(q)
  const words = queryWords(locale, cleanQuery)
  const { rows, total } = await run(pool, locale, words, page, limit)
  const hits = rows.map((row): SearchHit => {
    const title = segmentsAsChinese(locale) ? chineseHighlight(row.title, words) : row.title
    const snippet = segmentsAsChinese(locale) ? chineseHighlight(row.text, words, snippetLength) : row.text
    return {
      collection: row.collection,
      id: row.doc_id,
      locale,
      slug: row.slug,
      path: pathOf(row.collection, locale, row.slug),
      title: runsOf(title),
      snippet: runsOf(snippet),
      date: new Date(row.recency).toISOString(),
    }
  })
  return {
    hits,
    totalDocs: total,
    page,
    limit,
    totalPages: Math.ceil(total / limit),
    suggestion: total === 0 ? await suggestion(pool, locale, cleanQuery) : null,
  }
}
