/**
 * `npm run bench:concurrency [-- --saves N]`: what serializing saves costs a save. Publishes edits
 * of articles through the Local API (the work a REST save does, without HTTP), with one writer,
 * and with 8 concurrent writers on one document or on 8 different documents; each case once with
 * Lagon's per-document lock and once without it (the `serializeSaves` hook taken out of this
 * process's config: lost updates, but the save's bare cost). Writes bench/results/concurrency-<date>.{json,md}.
 */
import type { CollectionBeforeOperationHook, Payload } from 'payload'

import { serializeSaves } from '../../src/concurrency/serializeSaves'
import { benchMachine, startBenchPayload, writeBenchResults } from '../results'

const savesArg = process.argv.indexOf('--saves')
/** Saves per writer. */
const saves = savesArg > 0 ? Number(process.argv[savesArg + 1]) : 100
const warmup = 10
const writers = 8

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const round = (ms: number) => Number(ms.toFixed(1))

type Result = { p50: number; p99: number; savesPerSecond: number; failed: number }

/** `writers` loops of `saves` sequential saves each, run together; every save's own latency. */
const measure = async (writerCount: number, save: (writer: number, n: number) => Promise<unknown>): Promise<Result> => {
  for (let n = 0; n < warmup; n += 1) await Promise.allSettled(Array.from({ length: writerCount }, (_, writer) => save(writer, -n - 1)))
  const times: number[] = []
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: writerCount }, async (_, writer) => {
      for (let n = 0; n < saves; n += 1) {
        const at = performance.now()
        // Without the lock, PostgreSQL may detect a deadlock between two saves' version writes.
        await save(writer, n).catch(() => (failed += 1))
        times.push(performance.now() - at)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  times.sort((a, b) => a - b)
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), savesPerSecond: Math.round((times.length - failed) / seconds), failed }
}

/** Takes Lagon's lock out of (or back into) the articles' hooks of this process. */
const setLock = (payload: Payload, on: boolean) => {
  const hooks = payload.collections.articles.config.hooks
  const others = hooks.beforeOperation.filter((hook: CollectionBeforeOperationHook) => hook !== serializeSaves)
  hooks.beforeOperation = on ? [serializeSaves, ...others] : others
}

const { payload, stop } = await startBenchPayload('concurrency')
try {
  // Deadlocked saves are counted below, not logged one by one.
  payload.logger.level = 'fatal'

  const articles: number[] = []
  for (let i = 0; i < writers; i += 1) {
    articles.push((await payload.create({ collection: 'articles', data: { title: `基准 ${i}`, destination: 'NC', _status: 'published' }, depth: 0 })).id)
  }
  // Each writer changes its own field of the document: the zh summary, or the en or fr title.
  const edit = (id: number, writer: number, n: number) => {
    const locale = (['zh', 'en', 'fr'] as const)[writer % 3]!
    const data = locale === 'zh' ? { summary: `摘要 ${writer}-${n}` } : { title: `${locale} ${writer}-${n}` }
    return payload.update({ collection: 'articles', id, locale, data, depth: 0 })
  }
  const oneDocument = (writer: number, n: number) => edit(articles[0]!, writer, n)
  const ownDocument = (writer: number, n: number) => edit(articles[writer]!, writer, n)

  const results: Record<string, Result> = {}
  for (const lock of [true, false]) {
    setLock(payload, lock)
    const mode = lock ? 'serialized' : 'no lock'
    results[`1 writer, ${mode}`] = await measure(1, oneDocument)
    results[`${writers} writers on one document, ${mode}`] = await measure(writers, oneDocument)
    results[`${writers} writers on ${writers} documents, ${mode}`] = await measure(writers, ownDocument)
  }

  const machine = benchMachine()
  const table = [
    `| publishing save (${saves} per writer, after ${warmup} warm-up) | p50 ms | p99 ms | saves/s | failed |`,
    '|---|---|---|---|---|',
    ...Object.entries(results).map(([name, { p50, p99, savesPerSecond, failed }]) => `| ${name} | ${p50} | ${p99} | ${savesPerSecond} | ${failed} |`),
  ].join('\n')
  const summary = `${table}\n\n${machine.date}, ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average at the end ${machine.loadAverage.join(' / ')}.`
  console.log(summary)
  writeBenchResults('concurrency', machine.date, { machine, saves, warmup, writers, results }, summary)
} finally {
  await stop()
}
process.exit(0)
