import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { lagonCommand, runOrThrow } from '../src/cli/processes'
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres'
import { freePort } from '../tests/helpers/ports'

const repoRoot = path.resolve(import.meta.dirname, '..')
const resultsDir = path.join(repoRoot, 'bench/results')

/** What a run of the save benchmarks measured on, load included: they mean little without it. */
export const benchMachine = () => ({
  date: new Date().toISOString(),
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
})

/** bench/results/<name>-<date>.{json,md} (ignored by git). */
export const writeBenchResults = (name: string, date: string, results: unknown, summary: string): void => {
  mkdirSync(resultsDir, { recursive: true })
  const stem = path.join(resultsDir, `${name}-${date.replace(/[:.]/g, '-')}`)
  writeFileSync(`${stem}.json`, JSON.stringify(results, null, 2))
  writeFileSync(`${stem}.md`, `${summary}\n`)
}

/**
 * Payload on an embedded PostgreSQL of the run's own (temporary folder, free port, the committed
 * migrations), with no job cron: what the save benchmarks measure is the save alone.
 */
export const startBenchPayload = async (name: string): Promise<{ payload: Payload; stop: () => Promise<void> }> => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `lagon-bench-${name}-`))
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench' })
  const stopDatabase = async () => {
    await database.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const env = { ...process.env, DATABASE_URL: database.url, PAYLOAD_SECRET: 'bench-secret', NODE_OPTIONS: '--no-deprecation', LAGON_JOBS_CRON: 'off', WEBHOOK_ALLOW_PRIVATE: 'true' }
    await runOrThrow(...lagonCommand('migrate'), env, { quiet: true })
    Object.assign(process.env, env)
    const { default: config } = await import('@payload-config')
    const { getPayload } = await import('payload')
    const payload = await getPayload({ config })
    const stop = async () => {
      // Payload's destroy leaves the pool's idle connections open: the server's stop ends them.
      ;(payload.db as unknown as { pool: { on: (event: 'error', listener: () => void) => void } }).pool.on('error', () => {})
      await payload.destroy()
      await stopDatabase()
    }
    return { payload, stop }
  } catch (error) {
    await stopDatabase()
    throw error
  }
}
