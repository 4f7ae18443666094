/**
 * `npm run bench:search`: readers' search on the scale corpus. Run `npm run seed:scale -- --articles
 * 10000` first (it fills the search index); the database is DATABASE_URL's, or the embedded one of
 * `npm run dev` (LAGON_PG_PORT). Measures:
 * - the index build: `npm run search:reindex` (the real command), timed whole;
 * - per locale, one-word, two-word and no-result queries, 16 clients at once, p50/p95 per query:
 *   - through Lagon's search without its cache (`searchIndex`: segmentation, tsquery, the bounded
 *     ranking, snippets): what every first asking of a query costs, twice: every statement at once
 *     (SEARCH_CONCURRENCY=0), then as many at once as SEARCH_CONCURRENCY says (its default unset),
 *     the others waiting in turn;
 *   - through Lagon's search as the site and the API call it (`search`: the same, kept in memory
 *     until a change touches a lexeme of the query), after one asking of each query;
 *   - the same queries as ILIKE '%word%' on the same table (title, summary or body; newest first;
 *     the count): what search costs without an index made for it;
 *   - uncached, alone: one query after another on one connection, wall time and the CPU of Node
 *     and of the PostgreSQL backend per query (what 16 clients on 2 cores wait for, 8 times over);
 * - an edit searchable: a Chinese article's title (its source locale) changed through Payload's Local API (the save's
 *   hooks index it and expire the kept searches), then searched for until found; and a kept query
 *   whose lexeme the article holds, asked again: a new answer, not the kept one.
 * `--skip-reindex` leaves the index as it is; `--skip-ilike` leaves ILIKE out (a row of it takes
 * minutes: its figures stay those of an earlier run); `--rounds N` (25) queries per client and row;
 * `--explain` prints the plan (EXPLAIN ANALYZE, BUFFERS) of the costliest query of each locale.
 * Prints a Markdown table for bench/README.md. The edits stay in the database (a word of the form
 * benchedit…, in five Chinese titles a run).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { Payload } from 'payload'

import { loadEnvironment } from '@/cli/environment'
import { ensureDatabase } from '@/db/databaseUrl'
import type { Locale } from '@/lib/locales'
import { queryWords, search, searchIndex, searchParameters, searchSql, tsqueryText } from '@/search/query'
import { searchConfig, searchStatements } from '@/search/settings'

const root = path.resolve(import.meta.dirname, '../..')
const clients = 16
const roundsArg = process.argv.indexOf('--rounds')
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 25
/** The bound on uncached statements at once measured beside none: SEARCH_CONCURRENCY's, or its default. */
const bounded = String(searchStatements())

const queries: Record<Locale, Record<'one word' | 'two words' | 'no result', string[]>> = {
  zh: { 'one word': ['电话卡', '汇率', '机场', '支付'], 'two words': ['机场 电话卡', '现金 小费', '离线 地图'], 'no result': ['企鹅', '火山口'] },
  en: { 'one word': ['payments', 'airport', 'tipping', 'esim'], 'two words': ['offline maps', 'exchange rates', 'airport city'], 'no result': ['penguin', 'volcano'] },
  fr: { 'one word': ['aeroport', 'pourboires', 'especes', 'esim'], 'two words': ['cartes bancaires', 'hors ligne', 'numeros urgence'], 'no result': ['manchot', 'volcan'] },
  'zh-Hant': { 'one word': ['電話卡', '匯率', '機場', '支付'], 'two words': ['機場 電話卡', '現金 小費', '離線 地圖'], 'no result': ['企鵝', '火山口'] },
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** `clients` loops at once, each running every query `rounds` times: the latency of each call. */
const load = async (list: string[], call: (q: string) => Promise<unknown>): Promise<number[]> => {
  const times: number[] = []
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let round = 0; round < rounds; round += 1) {
        const q = list[(client + round) % list.length]!
        const started = performance.now()
        await call(q)
        times.push(performance.now() - started)
      }
    }),
  )
  return times
}

const ilike = (pool: pg.Pool, locale: Locale) => async (q: string) => {
  const words = q.split(/\s+/).filter(Boolean)
  const conditions = words.map((_, index) => `(title ILIKE $${index + 2} OR summary ILIKE $${index + 2} OR body ILIKE $${index + 2})`).join(' AND ')
  return pool.query(
    `SELECT collection, doc_id, title, count(*) OVER () AS total FROM search_documents WHERE locale = $1 AND ${conditions} ORDER BY recency DESC LIMIT 10`,
    [locale, ...words.map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`)],
  )
}

/**
 * What one uncached query costs alone, one after another on one connection: wall time, Node's CPU
 * (this process: segmentation, the driver, the results) and its PostgreSQL backend's CPU (read
 * from /proc: a local database only, else "–"). With 16 clients on 2 cores, a p95 of about
 * 8 × their sum is what to expect.
 */
const costAlone = async (locale: Locale, list: string[], times: number): Promise<string> => {
  const alone = new pg.Pool({ connectionString: database.url, max: 1 })
  try {
    const payload = { db: { pool: alone } } as unknown as Payload
    const { rows } = await alone.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
    const backendCpu = (): number | undefined => {
      try {
        const fields = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
      } catch {
        return undefined
      }
    }
    const ask = (q: string) => searchIndex(payload, { q, locale, page: 1, limit: 10 })
    for (const q of list) await ask(q)
    const node = process.cpuUsage()
    const backend = backendCpu()
    const started = performance.now()
    for (let round = 0; round < times; round += 1) await ask(list[round % list.length]!)
    const wall = (performance.now() - started) / times
    const used = process.cpuUsage(node)
    const nodeMs = (used.user + used.system) / 1000 / times
    const backendAfter = backendCpu()
    const pgMs = backend === undefined || backendAfter === undefined ? '–' : ((backendAfter - backend) / times).toFixed(1)
    return `${wall.toFixed(1)} / ${nodeMs.toFixed(1)} / ${pgMs}`
  } finally {
    await alone.end()
  }
}

/** How many documents a query matches, counted for the table (search itself counts none). */
const matches = async (pool: pg.Pool, locale: Locale, q: string): Promise<number> => {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_vectors WHERE locale = $1 AND tsv @@ to_tsquery($2::regconfig, $3)`, [
    locale,
    searchConfig[locale],
    tsqueryText(locale, queryWords(locale, q)),
  ])
  return Number(rows[0]!.n)
}

const pages = (times: number[]) => `${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)}`

const explain = async (pool: pg.Pool, locale: Locale, q: string): Promise<string> => {
  const parameters = searchParameters(locale, queryWords(locale, q), 1, 10)
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${searchSql(locale)}`, parameters)
  return rows.map((row) => row['QUERY PLAN']).join('\n')
}

/**
 * Edits through Payload, as an editor's save does (hooks, indexing, the caches' expiry), each a
 * new word in a Chinese article's title; the time until the word is found, and whether a kept
 * search for a word the article holds was answered anew.
 */
const editsSearchable = async (databaseUrl: string, bench: Payload, times: number): Promise<string[]> => {
  process.env.DATABASE_URL = databaseUrl
  loadEnvironment()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  const lines: string[] = []
  try {
    const { rows } = await (bench.db as unknown as { pool: pg.Pool }).pool.query<{ doc_id: number; title: string }>(
      "SELECT d.doc_id, d.title FROM search_vectors v JOIN search_documents d USING (collection, doc_id, locale) WHERE v.collection = 'articles' AND v.locale = 'zh' AND v.tsv @@ to_tsquery('simple', '机场') ORDER BY v.recency DESC LIMIT $1",
      [times],
    )
    for (const [index, row] of rows.entries()) {
      const word = `benchedit${Date.now().toString(36)}${index}`
      const kept = await search(bench, { q: '机场', locale: 'zh', page: 1, limit: 10 })
      const started = performance.now()
      await payload.update({ collection: 'articles', id: row.doc_id, locale: 'zh', data: { title: `${row.title.replace(/ benchedit\w+$/, '')} ${word}` } })
      const saved = performance.now()
      let found = 0
      while ((await search(bench, { q: word, locale: 'zh', page: 1, limit: 10 })).hits.length === 0) {
        found += 1
        if (performance.now() - started > 10_000) throw new Error(`${word} not found 10 s after its save`)
      }
      const searchable = performance.now()
      const renewed = (await search(bench, { q: '机场', locale: 'zh', page: 1, limit: 10 })) !== kept
      lines.push(
        `| article ${row.doc_id} | ${(saved - started).toFixed(0)} | ${(searchable - started).toFixed(0)} | ${found} | ${renewed ? 'yes' : 'no'} |`,
      )
    }
  } finally {
    await payload.destroy()
  }
  return lines
}

const database = await ensureDatabase()
const pool = new pg.Pool({ connectionString: database.url, max: clients })
// Stopping the database at the end closes idle connections under the pool: not a failure.
pool.on('error', () => {})
try {
  let buildSeconds: string | undefined
  if (!process.argv.includes('--skip-reindex')) {
    const started = performance.now()
    const result = spawnSync('npm', ['run', 'search:reindex'], { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, stdio: ['ignore', 'inherit', 'inherit'] })
    if (result.status !== 0) throw new Error('search:reindex failed')
    buildSeconds = ((performance.now() - started) / 1000).toFixed(1)
  }
  const { rows: sizes } = await pool.query<{ locale: string; rows: string }>('SELECT locale, count(*) AS rows FROM search_documents GROUP BY locale ORDER BY locale')
  const { rows: articles } = await pool.query<{ n: string }>("SELECT count(DISTINCT doc_id) AS n FROM search_documents WHERE collection = 'articles'")
  const payload = { db: { pool } } as unknown as Payload
  const lines: string[] = []
  const plans: string[] = []
  const load1 = os.loadavg()[0]!.toFixed(2)
  for (const locale of Object.keys(queries) as Locale[]) {
    let costliest = { q: '', ms: -1 }
    for (const [kind, list] of Object.entries(queries[locale])) {
      const ask = (q: string) => searchIndex(payload, { q, locale, page: 1, limit: 10 })
      // One warm-up call per query: the first reads the index from disk (and plans the statement).
      for (const q of list) await ask(q)
      // The statements at once: unbounded first, then as the server bounds them (SEARCH_CONCURRENCY).
      process.env.SEARCH_CONCURRENCY = '0'
      const unbounded = await load(list, ask)
      process.env.SEARCH_CONCURRENCY = bounded
      const uncached = await load(list, ask)
      // Kept from here: one asking of each query, then every call a kept answer.
      for (const q of list) await search(payload, { q, locale, page: 1, limit: 10 })
      const cached = await load(list, (q) => search(payload, { q, locale, page: 1, limit: 10 }))
      const like = process.argv.includes('--skip-ilike') ? undefined : await load(list, ilike(pool, locale))
      const alone = await costAlone(locale, list, 100)
      const hits = (await matches(pool, locale, list[0]!)).toLocaleString('en')
      lines.push(`| ${locale} | ${kind} | ${list.join(', ')} | ${hits} | ${alone} | ${pages(unbounded)} | ${pages(uncached)} | ${pages(cached)} | ${like ? pages(like) : '–'} |`)
      console.error(lines.at(-1))
      if (percentile(uncached, 95) > costliest.ms) costliest = { q: list[0]!, ms: percentile(uncached, 95) }
    }
    if (process.argv.includes('--explain')) plans.push(`${locale} ${costliest.q}:\n${await explain(pool, locale, costliest.q)}`)
  }
  const loadAfterQueries = os.loadavg()[0]!.toFixed(2)
  const edits = await editsSearchable(database.url, payload, 5)
  console.log(`\n${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load average before ${load1}, after the queries ${loadAfterQueries}`)
  console.log(`${articles[0]?.n} articles indexed; rows per locale: ${sizes.map((size) => `${size.locale} ${size.rows}`).join(', ')}`)
  if (buildSeconds) console.log(`index build (npm run search:reindex, whole command): ${buildSeconds} s`)
  console.log(`\n${clients} clients, ${rounds} queries each per row, times in ms (p50 / p95)\n`)
  console.log(
    `| locale | queries | words | matches of the first | uncached alone: wall / Node CPU / PostgreSQL CPU | search, uncached, unbounded | search, uncached, SEARCH_CONCURRENCY=${bounded} | search, kept answers | ILIKE |`,
  )
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const line of lines) console.log(line)
  console.log('\nEdits (Local API save of a Chinese title, the source locale, with a new word; ms from the save\'s start)\n')
  console.log('| document | save answered | word found | searches before | kept "机场" answered anew |')
  console.log('|---|---|---|---|---|')
  for (const line of edits) console.log(line)
  for (const plan of plans) console.log(`\n${plan}`)
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await pool.end()
  await database.stop()
}
// Payload's instance (the edits) keeps timers and connections that would hold the process, and with it the machine under `quiet`.
process.exit()
