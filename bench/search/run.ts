/**
 * `npm run bench:search`: readers' search on the scale corpus. Run `npm run seed:scale -- --articles
 * 10000` first (it fills the search index); the database is DATABASE_URL's, or the embedded one of
 * `npm run dev` (LAGON_PG_PORT). Measures:
 * - the index build: `npm run search:reindex` (the real command), timed whole;
 * - per locale, one-word, two-word and no-result queries through Lagon's search (segmentation,
 *   tsquery, ranking, snippets, the count), 16 clients at once, p50/p95 per query;
 * - the same queries as ILIKE '%word%' on the same table (title, summary or body; newest first;
 *   the count): what search costs without an index made for it.
 * `--skip-reindex` leaves the index as it is; `--rounds N` (25) queries per client and row. Prints a Markdown table for bench/README.md.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { Payload } from 'payload'

import { ensureDatabase } from '@/db/databaseUrl'
import type { Locale } from '@/lib/locales'
import { search } from '@/search/query'

const root = path.resolve(import.meta.dirname, '../..')
const clients = 16
const roundsArg = process.argv.indexOf('--rounds')
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 25

const queries: Record<Locale, Record<'one word' | 'two words' | 'no result', string[]>> = {
  zh: { 'one word': ['电话卡', '汇率', '机场', '支付'], 'two words': ['机场 电话卡', '现金 小费', '离线 地图'], 'no result': ['企鹅', '火山口'] },
  en: { 'one word': ['payments', 'airport', 'tipping', 'esim'], 'two words': ['offline maps', 'exchange rates', 'airport city'], 'no result': ['penguin', 'volcano'] },
  fr: { 'one word': ['aeroport', 'pourboires', 'especes', 'esim'], 'two words': ['cartes bancaires', 'hors ligne', 'numeros urgence'], 'no result': ['manchot', 'volcan'] },
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
  const load1 = os.loadavg()[0]!.toFixed(2)
  for (const locale of Object.keys(queries) as Locale[]) {
    for (const [kind, list] of Object.entries(queries[locale])) {
      // One warm-up call per query: the first reads the index from disk.
      for (const q of list) await search(payload, { q, locale, page: 1, limit: 10 })
      const lagon = await load(list, (q) => search(payload, { q, locale, page: 1, limit: 10 }))
      const like = await load(list, ilike(pool, locale))
      const hits = (await search(payload, { q: list[0]!, locale, page: 1, limit: 10 })).totalDocs
      lines.push(
        `| ${locale} | ${kind} | ${list.join(', ')} | ${hits} | ${percentile(lagon, 50).toFixed(1)} / ${percentile(lagon, 95).toFixed(1)} | ${percentile(like, 50).toFixed(1)} / ${percentile(like, 95).toFixed(1)} |`,
      )
      console.error(lines.at(-1))
    }
  }
  console.log(`\n${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load average before ${load1}, after ${os.loadavg()[0]!.toFixed(2)}`)
  console.log(`${articles[0]?.n} articles indexed; rows per locale: ${sizes.map((size) => `${size.locale} ${size.rows}`).join(', ')}`)
  if (buildSeconds) console.log(`index build (npm run search:reindex, whole command): ${buildSeconds} s`)
  console.log(`\n${clients} clients, ${rounds} queries each per row, times in ms (p50 / p95)\n`)
  console.log('| locale | queries | words | hits of the first | search p50 / p95 | ILIKE p50 / p95 |')
  console.log('|---|---|---|---|---|---|')
  for (const line of lines) console.log(line)
} finally {
  await pool.end()
  await database.stop()
}
