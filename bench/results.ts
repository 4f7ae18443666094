import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const resultsDir = path.resolve(import.meta.dirname, 'results')

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
