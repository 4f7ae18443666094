/**
 * What the shared rate limit (src/api/rateLimit.ts) costs per API request: the upsert into the
 * UNLOGGED `rate_limits` table, against a bare round trip (`select 1`) and the in-memory counter.
 * Run on demand, on a migrated Lagon database:
 *
 *   DATABASE_URL=postgres://… npx tsx bench/api/rateLimit.ts
 *
 * (`npm run migrate` first for the embedded one). Its clients are named `bench:…` and deleted at
 * the end. Results in bench/README.md.
 */
import os from 'node:os'

import pg from 'pg'

import { createRateLimiter, createSharedRateLimiter } from '../../src/api/rateLimit'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error('DATABASE_URL: a migrated Lagon database (npm run migrate)')
  process.exit(2)
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** `calls` calls of `work` from `concurrency` callers at once: throughput and latency percentiles, in µs. */
const measure = async (name: string, calls: number, concurrency: number, work: (i: number) => Promise<unknown> | unknown) => {
  for (let i = 0; i < 200; i += 1) await work(i)
  const latencies: number[] = []
  let next = 0
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) {
        const i = next++
        const t0 = process.hrtime.bigint()
        await work(i)
        latencies.push(Number(process.hrtime.bigint() - t0) / 1000)
      }
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  latencies.sort((a, b) => a - b)
  const row = { name, concurrency, calls, perSecond: Math.round(calls / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
  console.log(`${row.name.padEnd(46)} c=${String(concurrency).padEnd(3)} ${String(row.perSecond).padStart(7)}/s  p50 ${row.p50.toFixed(0).padStart(5)} µs  p99 ${row.p99.toFixed(0).padStart(6)} µs`)
  return row
}

const shared = createSharedRateLimiter({ limit: 1_000_000, windowSeconds: 60, pool: async () => pool })
const inMemory = createRateLimiter({ limit: 1_000_000, windowSeconds: 60 })
const clients = 1_000

console.log(`${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
try {
  await measure('in memory (one instance)', 200_000, 1, (i) => inMemory(`bench:${i % clients}`))
  for (const concurrency of [1, 16]) {
    await measure('select 1 (a bare round trip)', 5_000, concurrency, () => pool.query('select 1'))
    await measure(`shared, ${clients} clients`, 5_000, concurrency, (i) => shared(`bench:${i % clients}`))
    await measure('shared, one client (one row, contended)', 5_000, concurrency, () => shared('bench:hot'))
  }
} finally {
  await pool.query("delete from rate_limits where client like 'bench:%'")
  await pool.end()
}
