/**
 * `npx tsx bench/webhooks/run.ts [--saves N]`: what webhooks add to an editor's save. Publishes
 * edits of one article through the Local API (the work a REST save does, without HTTP), with no
 * endpoint, with endpoints that do not listen to articles, with endpoints that do (each save then
 * queues one delivery per endpoint), and saves drafts with those endpoints. Deliveries are not run
 * (no job cron in this process): the numbers are the save's own. Writes bench/results/webhooks-<date>.{json,md}.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { runOrThrow } from '../../src/cli/processes'
import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const savesArg = process.argv.indexOf('--saves')
const saves = savesArg > 0 ? Number(process.argv[savesArg + 1]) : 200
const warmup = 20

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const round = (ms: number) => Number(ms.toFixed(2))

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lagon-bench-webhooks-'))
const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench' })
try {
  const env = { ...process.env, DATABASE_URL: database.url, PAYLOAD_SECRET: 'bench-secret', NODE_OPTIONS: '--no-deprecation', LAGON_JOBS_CRON: 'off', WEBHOOK_ALLOW_PRIVATE: 'true' }
  await runOrThrow(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/cli/migrate.ts'], env, { quiet: true })
  Object.assign(process.env, env)
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })

  const article = await payload.create({ collection: 'articles', data: { title: '基准', destination: 'NC', _status: 'published' } })
  let edit = 0
  const publishEdit = () =>
    payload.update({ collection: 'articles', id: article.id, data: { title: `基准 ${++edit}`, _status: 'published' }, depth: 0 })
  const saveDraft = () => payload.update({ collection: 'articles', id: article.id, data: { title: `草稿 ${++edit}` }, draft: true, depth: 0 })

  const measure = async (save: () => Promise<unknown>) => {
    for (let i = 0; i < warmup; i += 1) await save()
    const times: number[] = []
    for (let i = 0; i < saves; i += 1) {
      const started = performance.now()
      await save()
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), mean: round(times.reduce((a, b) => a + b, 0) / times.length) }
  }
  const setWebhooks = async (count: number, collections: ('articles' | 'tips')[]) => {
    await payload.delete({ collection: 'webhooks', where: { id: { exists: true } } })
    for (let i = 0; i < count; i += 1) {
      await payload.create({
        collection: 'webhooks',
        data: { name: `bench ${i}`, url: `http://127.0.0.1:9/${i}`, events: ['published', 'unpublished', 'updated', 'deleted'], collections },
      })
    }
  }

  const results: Record<string, { p50: number; p95: number; mean: number }> = {}
  await setWebhooks(0, [])
  results['publish, no endpoint'] = await measure(publishEdit)
  await setWebhooks(3, ['tips'])
  results['publish, 3 endpoints not listening'] = await measure(publishEdit)
  await setWebhooks(3, ['articles'])
  results['publish, 3 endpoints listening (3 deliveries queued)'] = await measure(publishEdit)
  results['draft save, 3 endpoints listening'] = await measure(saveDraft)
  const queued = await payload.count({ collection: 'webhook-deliveries' })
  // Payload's destroy leaves the pool's idle connections open: the server's stop below ends them.
  ;(payload.db as unknown as { pool: { on: (event: 'error', listener: () => void) => void } }).pool.on('error', () => {})
  await payload.destroy()

  const machine = {
    date: new Date().toISOString(),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
  }
  const table = [
    `| save (${saves} each, after ${warmup} warm-up) | p50 ms | p95 ms | mean ms |`,
    '|---|---|---|---|',
    ...Object.entries(results).map(([name, { p50, p95, mean }]) => `| ${name} | ${p50} | ${p95} | ${mean} |`),
  ].join('\n')
  const summary = `${table}\n\n${machine.date}, ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverage.join(' / ')}; ${queued.totalDocs} deliveries queued.`
  console.log(summary)
  const resultsDir = path.join(repoRoot, 'bench/results')
  mkdirSync(resultsDir, { recursive: true })
  const stem = path.join(resultsDir, `webhooks-${machine.date.replace(/[:.]/g, '-')}`)
  writeFileSync(`${stem}.json`, JSON.stringify({ machine, saves, warmup, results, queued: queued.totalDocs }, null, 2))
  writeFileSync(`${stem}.md`, `${summary}\n`)
} finally {
  await database.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
process.exit(0)
