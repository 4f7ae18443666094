import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { gate } from '@/lib/gate'
import { segmentsAsChinese, type Locale } from '@/lib/locales'
import { paths } from '@/site/paths'
import { tags } from '@/site/tags'

import { cachedSearch } from './cache'
import { chineseTokens, wordsInside } from './chinese'
import type { SearchedCollection } from './documentText'
import { markStart, markStop, runsOf, withoutMarks, type Highlighted } from './marks'
import { searchConfig, searchStatements } from './settings'
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
  page: number
  limit: number
  /** Whether a next page holds results. Matches are not counted (`searchSql`): there is no total. */
  hasNextPage: boolean
  /**
   * Whether more documents match than the pages reach: with many matches, the pages reach the best
   * ranked of the newest (`searchBounds`), and the last one says so.
   */
  bestOnly: boolean
  /** A query with its misspelt words corrected, when the query found nothing and the correction finds something. */
  suggestion: string | null
}

const pathOf = (collection: SearchedCollection, locale: Locale, slug: string | null): string => {
  if (collection === 'articles') return slug ? paths.guide(locale, slug) : paths.guides(locale)
  if (collection === 'carriers') return slug ? paths.carrier(locale, slug) : paths.carriers(locale)
  return slug ? `${paths.tips(locale)}#${encodeURIComponent(slug)}` : paths.tips(locale)
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Chinese highlights, made here: ts_headline finds no words in text without spaces. The words
 * and the shorter words inside them are looked for, longest first, with one pattern per query.
 */
const chineseHighlighter = (words: string[]) => {
  const needles = [...new Set(words.flatMap((word) => [word, ...wordsInside(word)]))].sort((a, b) => b.length - a.length)
  const pattern = needles.length > 0 ? new RegExp(needles.map(escapeRegExp).join('|'), 'giu') : undefined
  return (text: string, around?: number): string => {
    if (!pattern) return around === undefined ? text : text.slice(0, around)
    let shown = text
    if (around !== undefined) {
      const first = text.search(pattern)
      const start = Math.max(0, first - Math.floor(around / 4))
      shown = `${start > 0 ? '…' : ''}${text.slice(start, start + around).trim()}${start + around < text.length ? '…' : ''}`
    }
    return shown.replace(pattern, (hit) => `${markStart}${hit}${markStop}`)
  }
}

const headlineOptions = (all: boolean) =>
  all
    ? `StartSel=${markStart}, StopSel=${markStop}, HighlightAll=true`
    : `StartSel=${markStart}, StopSel=${markStop}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`

type Row = { collection: SearchedCollection; doc_id: number; slug: string | null; title: string; text: string; recency: string }

/**
 * How much of the matches a query reads, whatever their number (one word of the synthetic guides
 * matches nine in ten): the newest `ranked` matches and the newest `ranked` title or summary
 * matches are ranked, and pages reach those. The newest 2 × `ranked` documents are tried first,
 * then up to 2 × `ranked` matches read through the GIN index; when there are more, the newest
 * `scanned` documents are tried; when they hold
 * fewer than `ranked` matches, up to `matched` matches are read through the GIN index, and when
 * there are more, the documents newest first. Nothing is counted: a page says whether there is
 * a next one. Each path's cost follows `ranked`: 30 (from 50) kept every row of bench/search
 * under 30 ms at p95 with 16 clients on 2 cores; a page of 10 is chosen among up to 60.
 */
export type SearchBounds = { ranked: number; matched: number; scanned: number }

export const searchBounds: SearchBounds = { ranked: 30, matched: 1000, scanned: 1000 }

/**
 * The characters of a result's text (summary, then body) its snippet is cut from: ts_headline
 * parses all it is given, at about a microsecond for ten characters (French and English: the
 * stemmer and unaccent), and was a third of what a query cost in English and French with 1,000,
 * half of it still with 500. Two fragments of up to 28 words fit in 300.
 */
export const snippetSource = 300

/** The lexemes of a tsquery, as its text quotes them (what the cache tags an answer with). */
const lexemesOf = (query: string) =>
  `(SELECT coalesce(array_agg(DISTINCT lexeme[1]), '{}') FROM regexp_matches(${query}::text, '''((?:[^'']|'''')*)''', 'g') AS lexeme)`

/**
 * One page of a query, with the number of matches its pages reach (the candidates), whether
 * more match than those, and the lexemes of the query (what the cache tags it with:
 * src/search/cache.ts). Matches are not counted: a count read the row of each match (PostgreSQL
 * 15 reads the heap page of every match a GIN index gives), half of what a query cost.
 *
 * Bounded, whatever the number of matches, and read from `search_vectors` (narrow rows: keys,
 * dates, vectors), the texts only for the page's rows. The candidates are the newest `ranked`
 * matches and the newest `ranked` title or summary matches (`head`: the lexemes of weights A and
 * B), found by the first of five paths that gives them, each read only when its turn comes (a
 * materialized CTE is read when first asked for), each the cheapest for some words:
 * - `early`: the newest 2 × `ranked` documents, newest first through the index on (locale,
 *   recency), until `ranked` match: a common word stops there, after about `ranked` ×
 *   rows / matches rows (the test is a function call, which no index serves: the planner cannot
 *   take the GIN index's path on a misjudged estimate). The GIN index's bitmap of a word in most
 *   documents cost more than that. The test reads `lexemes`, the vector without its positions:
 *   0.1 µs a row, against 1.7 on `tsv` (migrations/…_search_match_vectors.ts);
 * - else, when fewer than `ranked` / 10 were there, `sparse`: up to 2 × `ranked` + 1 matches
 *   through the GIN index. When they are all the matches (a rare word, no match), the
 *   candidates are among them;
 * - else `newest`: as `early`, among the newest `scanned` documents (a word in one document in
 *   ten or more);
 * - else `matched`: up to `matched` + 1 matches through the GIN index. When they are all the
 *   matches, the candidates are among them;
 * - else (many matches, few of them among the newest documents): the documents newest first,
 *   beyond `scanned`, until `ranked` match.
 * The title or summary matches, when `sparse` or `matched` did not give them: among the newest
 * `scanned` documents if `ranked` are there, else through `head`'s GIN index (the first
 * `matched` + 1), newest first beyond. Only the candidates are ranked, and only the page's rows
 * get snippets, from their first `snippetSource` characters.
 *
 * Rank: ts_rank, the title weighted above the summary and the summary above the body (A, B, C),
 * lifted by up to half for a recent document (a year's half-life, in floating point: numeric's
 * power cost more than the rank), then newest first. A path that reads a match's vector ranks it
 * there; the others' candidates are read again by key.
 *
 * Planned once per connection: the locale and the bounds are written into the statement (the
 * locale so that its partial indexes are used), and the tsquery is computed once (`q`), its value
 * unknown to the planner, so that PostgreSQL's generic plan is the custom plans' plan and it keeps
 * it after five runs. Planning was half of what a query cost (1–2.5 ms); a tsquery written as
 * `to_tsquery(…, $1)` in a generic plan is parsed again for every row tested.
 */
export const searchSql = (locale: Locale, { ranked, matched, scanned }: SearchBounds = searchBounds) => {
  // The query, computed once: unknown to the planner, so that a word in nine rows in ten does not make it
  // read the table in order instead of the GIN index on an estimate that does not count reading the vectors.
  const query = '(SELECT q FROM q)'
  // The paths above, each counted once (an InitPlan) when a branch first asks.
  // The path taken (above), decided once, in order: a CASE reads each part only when its turn comes.
  const way = `(SELECT way FROM path)`
  const wide = `${way} IN ('early', 'newest', 'beyond')`
  const titlesWay = `(SELECT way FROM title_path)`
  // A match's rank, where the path read its vector: only for the rows the path keeps (its LIMIT).
  const rank = `ts_rank(tsv, ${query})`
  const newestFirst = (rows: string, vector: string) =>
    `SELECT collection, doc_id, recency, ${rank} AS rank FROM (SELECT collection, doc_id, recency, tsv, ${vector} FROM search_vectors WHERE locale = '${locale}' ORDER BY recency DESC LIMIT ${rows}) newest`
  const text = `left(concat_ws(E'\\n', nullif(d.summary, ''), nullif(d.body, '')), ${snippetSource})`
  const among = (set: string) => `
    (SELECT collection, doc_id, recency, NULL::real AS rank FROM ${set} WHERE ${way} = '${set}' ORDER BY recency DESC LIMIT ${ranked})
    UNION ALL
    (SELECT collection, doc_id, recency, NULL FROM ${set} WHERE ${way} = '${set}' AND titled ORDER BY recency DESC LIMIT ${ranked})`
  return `
  WITH q AS MATERIALIZED (SELECT to_tsquery('${searchConfig[locale]}', $1) AS q
  ), early AS MATERIALIZED (
    ${newestFirst(`${2 * ranked}`, 'lexemes')} WHERE ts_match_vq(lexemes, ${query}) ORDER BY recency DESC LIMIT ${ranked}
  ), sparse AS MATERIALIZED (
    SELECT collection, doc_id, recency, head @@ ${query} AS titled FROM search_vectors WHERE locale = '${locale}' AND tsv @@ ${query} LIMIT ${2 * ranked + 1}
  ), newest AS MATERIALIZED (
    ${newestFirst(`${scanned}`, 'lexemes')} WHERE ts_match_vq(lexemes, ${query}) ORDER BY recency DESC LIMIT ${ranked}
  ), matched AS MATERIALIZED (
    SELECT collection, doc_id, recency, head @@ ${query} AS titled FROM search_vectors WHERE locale = '${locale}' AND tsv @@ ${query} LIMIT ${matched + 1}
  ), path AS MATERIALIZED (
    SELECT CASE
      WHEN (SELECT count(*) FROM early) = ${ranked} THEN 'early'
      -- Fewer than one in twenty of the newest: maybe a rare word, worth the GIN index's first matches.
      WHEN (SELECT count(*) FROM early) * 10 < ${ranked} AND (SELECT count(*) FROM sparse) <= ${2 * ranked} THEN 'sparse'
      WHEN (SELECT count(*) FROM newest) = ${ranked} THEN 'newest'
      WHEN (SELECT count(*) FROM matched) <= ${matched} THEN 'matched'
      ELSE 'beyond' END AS way
  ), newest_titled AS MATERIALIZED (
    ${newestFirst(`${scanned}`, 'head')} WHERE ts_match_vq(head, ${query}) ORDER BY recency DESC LIMIT ${ranked}
  ), titled AS MATERIALIZED (
    SELECT collection, doc_id, recency FROM search_vectors WHERE locale = '${locale}' AND head @@ ${query} LIMIT ${matched + 1}
  ), title_path AS MATERIALIZED (
    SELECT CASE
      WHEN (SELECT count(*) FROM newest_titled) = ${ranked} THEN 'newest'
      WHEN (SELECT count(*) FROM titled) <= ${matched} THEN 'titled'
      ELSE 'beyond' END AS way
  ), candidates AS MATERIALIZED (
    -- Each document once, with its rank where its path read it (max ignores the paths that did not).
    SELECT collection, doc_id, max(recency) AS recency, max(rank) AS rank FROM (
    ${among('sparse')}
    UNION ALL
    (SELECT collection, doc_id, recency, rank FROM early WHERE ${way} = 'early')
    UNION ALL
    (SELECT collection, doc_id, recency, rank FROM newest WHERE ${way} = 'newest')
    UNION ALL
    ${among('matched')}
    UNION ALL
    (SELECT collection, doc_id, recency, ${rank} FROM search_vectors
      WHERE ${way} = 'beyond' AND locale = '${locale}' AND ts_match_vq(lexemes, ${query}) ORDER BY recency DESC LIMIT ${ranked})
    UNION ALL
    (SELECT collection, doc_id, recency, rank FROM newest_titled WHERE ${wide} AND ${titlesWay} = 'newest')
    UNION ALL
    (SELECT collection, doc_id, recency, NULL FROM titled WHERE ${wide} AND ${titlesWay} = 'titled' ORDER BY recency DESC LIMIT ${ranked})
    UNION ALL
    (SELECT collection, doc_id, recency, ${rank} FROM search_vectors
      WHERE ${wide} AND ${titlesWay} = 'beyond' AND locale = '${locale}' AND ts_match_vq(head, ${query})
      ORDER BY recency DESC LIMIT ${ranked})
    ) found GROUP BY collection, doc_id
  ), ranked AS MATERIALIZED (
    SELECT c.collection, c.doc_id, c.recency,
      coalesce(c.rank, (SELECT ${rank} FROM search_vectors v WHERE v.collection = c.collection AND v.doc_id = c.doc_id AND v.locale = '${locale}'))
        * (1 + 0.5 * power(0.5, extract(epoch FROM (now() - c.recency))::float8 / 31557600.0)) AS score
    FROM candidates c
    ORDER BY score DESC, c.recency DESC, c.collection, c.doc_id
    LIMIT $2 OFFSET $3
  ), shown AS (
    SELECT r.collection, r.doc_id, d.slug, r.recency, r.score,
      ${segmentsAsChinese(locale) ? 'd.title' : `ts_headline('${searchConfig[locale]}', d.title, ${query}, $4)`} AS title,
      ${segmentsAsChinese(locale) ? text : `ts_headline('${searchConfig[locale]}', ${text}, ${query}, $5)`} AS text
    FROM ranked r JOIN search_documents d ON d.collection = r.collection AND d.doc_id = r.doc_id AND d.locale = '${locale}'
  )
  SELECT
    (SELECT count(*) FROM candidates) AS reachable,
    ${wide} OR (CASE ${way} WHEN 'sparse' THEN (SELECT count(*) FROM sparse) ELSE (SELECT count(*) FROM matched) END) > (SELECT count(*) FROM candidates) AS beyond,
    coalesce((SELECT json_agg(shown ORDER BY score DESC, recency DESC, collection, doc_id) FROM shown), '[]') AS rows,
    ${lexemesOf(query)} AS lexemes`
}

type Found = { rows: Row[]; reachable: number; beyond: boolean; lexemes: string[] }

const poolOf = (payload: Payload): Pool => (payload.db as unknown as { pool: Pool }).pool

const snippetLength = 120

/** A lexeme as tsquery's text writes it between quotes, back as tsvector_to_array gives it. */
const unquoted = (lexeme: string): string => lexeme.replace(/''/g, "'").replace(/\\\\/g, '\\')

/** The parameters of `searchSql(locale)` for one page of a query's words. */
export const searchParameters = (locale: Locale, words: string[], page: number, limit: number): unknown[] => {
  const parameters: unknown[] = [tsqueryText(locale, words), limit, (page - 1) * limit]
  // The headlines' options: Chinese is highlighted here (chineseHighlighter).
  if (!segmentsAsChinese(locale)) parameters.push(headlineOptions(true), headlineOptions(false))
  return parameters
}

const run = async (pool: Pool, locale: Locale, words: string[], page: number, limit: number, bounds: SearchBounds): Promise<Found> => {
  if (words.length === 0) return { rows: [], reachable: 0, beyond: false, lexemes: [] }
  const parameters = searchParameters(locale, words, page, limit)
  // Named: each connection parses and plans it once per locale and bounds (searchSql).
  const { rows } = await pool.query<{ reachable: string; beyond: boolean; rows: Row[]; lexemes: string[] }>({
    name: `lagon-search-${locale}-${bounds.ranked}-${bounds.matched}-${bounds.scanned}`,
    text: searchSql(locale, bounds),
    values: parameters,
  })
  const [found] = rows
  return { rows: found!.rows, reachable: Number(found!.reachable), beyond: found!.beyond, lexemes: found!.lexemes.map(unquoted) }
}

/**
 * The indexed word nearest by trigrams (accents aside) to each of `plains` that no indexed text
 * holds, in one statement: `plain` is null for a word no indexed word resembles.
 */
const correctionsSql = `
  SELECT w.plain, (SELECT s.word FROM search_words s WHERE s.locale = $1 AND s.plain % w.plain ORDER BY similarity(s.plain, w.plain) DESC, s.plain LIMIT 1) AS word
  FROM unnest($2::text[]) AS w(plain)
  WHERE NOT EXISTS (SELECT 1 FROM search_words k WHERE k.locale = $1 AND k.plain = w.plain)`

/** Whether a query finds anything, and its lexemes: a correction's test, which needs neither ranking nor snippets. */
const findsSql = (locale: Locale) => {
  const query = `to_tsquery('${searchConfig[locale]}', $1)`
  return `SELECT EXISTS (SELECT 1 FROM search_vectors WHERE locale = '${locale}' AND tsv @@ ${query}) AS found, ${lexemesOf(query)} AS lexemes`
}

/**
 * "Did you mean": each word of a Latin-script query that no indexed text holds, replaced by the
 * indexed word nearest to it by trigrams (accents aside), if the corrected query finds something.
 * With the tags of what it read: the locale's words, and the lexemes of the correction tried.
 * Asked only when the query found nothing; a round trip for the corrections, one more when
 * there is one to test.
 */
const suggestion = async (pool: Pool, locale: Locale, q: string): Promise<{ text: string | null; tags: string[] }> => {
  if (segmentsAsChinese(locale)) return { text: null, tags: [] }
  const read = [tags.searchWords(locale)]
  const words = latinWords(q).filter((word) => {
    const plain = plainWord(word)
    return plain.length >= 3 && !/\d/.test(plain)
  })
  if (words.length === 0) return { text: null, tags: read }
  const { rows } = await pool.query<{ plain: string; word: string | null }>({
    name: 'lagon-search-corrections',
    text: correctionsSql,
    values: [locale, [...new Set(words.map(plainWord))]],
  })
  const nearest = new Map(rows.map((row) => [row.plain, row.word]))
  let corrected = q
  let changed = false
  for (const word of words) {
    const replacement = nearest.get(plainWord(word))
    if (!replacement) continue
    corrected = corrected.replace(word, replacement)
    changed = true
  }
  if (!changed) return { text: null, tags: read }
  const { rows: finds } = await pool.query<{ found: boolean; lexemes: string[] }>({
    name: `lagon-search-finds-${locale}`,
    text: findsSql(locale),
    values: [tsqueryText(locale, queryWords(locale, corrected))],
  })
  const [tested] = finds
  return { text: tested!.found ? corrected : null, tags: [...read, ...tested!.lexemes.map((lexeme) => tags.searchLexeme(locale, unquoted(lexeme)))] }
}

export type SearchQuery = { q: string; locale: Locale; page: number; limit: number }

/**
 * The uncached searches' statements at once in this process, at most (SEARCH_CONCURRENCY), the
 * others waiting in turn: 16 searches at once on 2 cores each took 8 times its cost, and their
 * slowest many times more, while holding the connections the pages need. A search answered from
 * memory (src/search/cache.ts) never waits here.
 */
const throughSearchGate = gate('lagon.search.statements', searchStatements)

/**
 * One page of a reader's search in one locale, read from the index, with the tags of what it
 * read (src/search/cache.ts). `partBounds` are for tests: how much of the matches is read.
 */
export const searchIndex = async (
  payload: Payload,
  { q, locale, page, limit }: SearchQuery,
  partBounds: Partial<SearchBounds> = {},
): Promise<{ result: SearchResult; tags: string[] }> => {
  const bounds = { ...searchBounds, ...partBounds }
  const pool = poolOf(payload)
  const cleanQuery = withoutMarks(q)
  const words = queryWords(locale, cleanQuery)
  // Through the gate: its statements wait their turn when `searchStatements` are running.
  const { rows, reachable, beyond, lexemes, corrected } = await throughSearchGate(async () => {
    const found = await run(pool, locale, words, page, limit, bounds)
    const corrected = found.reachable === 0 ? await suggestion(pool, locale, cleanQuery) : { text: null, tags: [] }
    return { ...found, corrected }
  })
  const highlight = segmentsAsChinese(locale) && rows.length > 0 ? chineseHighlighter(words) : undefined
  const hits = rows.map((row): SearchHit => {
    const title = highlight ? highlight(row.title) : row.title
    const snippet = highlight ? highlight(row.text, snippetLength) : row.text
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
    result: {
      hits,
      page,
      limit,
      hasNextPage: page * limit < reachable,
      bestOnly: beyond,
      suggestion: corrected.text,
    },
    tags: [tags.searchIndex, ...lexemes.map((lexeme) => tags.searchLexeme(locale, lexeme)), ...corrected.tags],
  }
}

/**
 * One page of a reader's search in one locale, over what readers may read (the index holds
 * nothing else: src/search/indexer.ts), kept in this process until a change touches what it
 * read (src/search/cache.ts). `q` has been checked (src/search/input.ts).
 */
export const search = (payload: Payload, query: SearchQuery): Promise<SearchResult> => cachedSearch(query, () => searchIndex(payload, query))
