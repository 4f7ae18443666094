import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { kib, ms, perSecond } from './format'
import type { BenchResult } from './result'
import { checkTargets, type TargetCheck } from './targets'

/** Rows of a Markdown table; also readable as plain text in a terminal. */
function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function loadTable(result: BenchResult): string {
  const { app, nginx, ratio } = result.load
  const row = (name: string, load: typeof app) => [
    name,
    perSecond(load.requestsPerSecond),
    ms(load.p50Ms),
    ms(load.p99Ms),
    load.totalRequests,
    load.non2xx + load.errors,
    `${load.clientCpuPercent}%`,
  ]
  return table(
    ['server', 'requests/s', 'p50', 'p99', 'requests', 'errors + non-2xx', 'autocannon CPU'],
    [row('Lagon (src/server, production build)', app), row('nginx (same bytes)', nginx), ['app / nginx', ratio.toFixed(3), '', '', '', '', '']],
  )
}

function sizeTable(result: BenchResult): string {
  return table(
    ['page', 'HTML', 'HTML gzipped (zlib 6)', 'sent gzipped', 'sent Brotli', 'Next runtime JS (gz)', 'app JS (gz)', 'scripts', 'nomodule polyfills (gz)'],
    Object.entries(result.sizes).map(([locale, sizes]) => [
      locale,
      kib(sizes.htmlBytes),
      `${kib(sizes.htmlGzipBytes)} (${sizes.htmlGzipBytes} B)`,
      `${kib(sizes.served.gzip)} (${sizes.served.gzip} B)`,
      `${kib(sizes.served.br)} (${sizes.served.br} B)`,
      kib(sizes.jsGzipBytes.nextRuntime),
      kib(sizes.jsGzipBytes.app),
      sizes.scripts.filter((script) => script.kind !== 'polyfill').length,
      kib(sizes.polyfillGzipBytes),
    ]),
  )
}

function lighthouseTable(result: BenchResult): string {
  return table(
    ['page', 'performance', 'accessibility', 'SEO', 'best practices', 'LCP', 'TBT', 'JS transferred'],
    Object.entries(result.lighthouse).map(([locale, run]) => [
      locale,
      `${run.scores.performance}${run.performanceScores.length > 1 ? ` (runs: ${run.performanceScores.join(', ')})` : ''}`,
      run.scores.accessibility,
      run.scores.seo,
      run.scores['best-practices'],
      ms(Math.round(run.metrics.largestContentfulPaintMs ?? 0)),
      ms(Math.round(run.metrics.totalBlockingTimeMs ?? 0)),
      kib(run.scriptTransferBytes),
    ]),
  )
}

function targetTable(targets: TargetCheck[]): string {
  return table(
    ['target', 'measured', 'met'],
    targets.map((check) => [check.target, check.measured, check.met ? 'yes' : '**no**']),
  )
}

/** The Markdown that goes into bench/README.md: machine, load, tables, targets. */
export function markdown(result: BenchResult, targets: TargetCheck[]): string {
  const { machine } = result
  const failed = Object.entries(result.lighthouse).flatMap(([locale, run]) =>
    Object.entries(run.failedAudits)
      .filter(([, audits]) => audits.length > 0)
      .map(([category, audits]) => `- ${locale} ${category}: ${audits.join(', ')}`)
      .concat(run.consoleErrors.map((error) => `- ${locale} console error: ${error}`)),
  )
  return [
    `Run of ${machine.date}: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memory.split('\n')[1]?.split(/\s+/)[1] ?? '?'} RAM, Node ${machine.node}, ${machine.nginx}, ${machine.chromium}.`,
    `Load average (1, 5, 15 min) at the start: ${result.loadBefore.loadAverage.join(', ')}; ` +
      Object.entries(result.loadByStep)
        .map(([step, load]) => `${step}: ${load.join(', ')}`)
        .join('; ') +
      '.',
    `CPU busy with other work in the 2 s before each step (the benchmark idle): ${Object.entries(result.idleBusyByStep)
      .map(([step, busy]) => `${step} ${busy}%`)
      .join(', ')}.`,
    '',
    `Load: \`${result.loadPage}\`, ${result.load.app.connections} connections, ${result.load.app.durationSeconds} s each, ${result.load.compression}.`,
    '',
    loadTable(result),
    '',
    `The app's response: ${Object.entries(result.load.appHeaders)
      .map(([name, value]) => `\`${name}: ${value}\``)
      .join(', ') || 'no cache headers'}; same body from nginx: ${result.load.sameBody ? 'yes' : 'no'}; Content-Type \`${result.load.contentType.app}\` (app), \`${result.load.contentType.nginx}\` (nginx).`,
    '',
    sizeTable(result),
    '',
    `Lighthouse ${Object.values(result.lighthouse)[0]?.lighthouseVersion ?? ''}, mobile, median of ${result.lighthouseRuns} run(s) by performance score:`,
    '',
    lighthouseTable(result),
    '',
    ...(failed.length ? ['Audits that cost points:', '', ...failed, ''] : []),
    ...(result.warnings.length ? ['Warnings:', '', ...result.warnings.map((warning) => `- ${warning}`), ''] : []),
    targetTable(targets),
  ].join('\n')
}

/** bench/results/site-<date>: one run's files share it. */
export const resultStem = (resultsDir: string, date: string) => path.join(resultsDir, `site-${date.replace(/[:.]/g, '-')}`)

/** Prints the tables, writes the JSON (and the same Markdown) to bench/results/, returns the JSON's path. */
export function report(result: BenchResult, resultsDir: string): string {
  const targets = checkTargets(result)
  const text = markdown(result, targets)
  console.log(`\n${text}\n`)
  mkdirSync(resultsDir, { recursive: true })
  const file = `${resultStem(resultsDir, result.machine.date)}.json`
  writeFileSync(file, `${JSON.stringify({ ...result, targets }, null, 2)}\n`)
  writeFileSync(file.replace(/\.json$/, '.md'), `${text}\n`)
  return file
}
