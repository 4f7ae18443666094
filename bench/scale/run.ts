/**
 * `npm run bench:scale` (`npx tsx bench/scale/run.ts`): the reader site and the admin on 10,000
 * guides. Copies the work tree to a temporary folder, on an embedded PostgreSQL of its own runs
 * the migrations, the seed and `seed:scale` (10,000 articles × zh/en/fr, 200 carriers, 2,000
 * tips), builds, serves with Lagon's production server (as `npm start`), and measures:
 * - 50 random published guide pages, each requested once, never requested before (cold: neither
 *   Lagon's page cache nor Next's data cache holds them), after 20 other guide pages have warmed
 *   the process (./cold.ts): time to the whole page, p50 / p99, and the process's first render;
 * - the HTML size of the home pages and of the first, a middle and the last page of every list;
 * - warm throughput of a guide page against nginx serving the same bytes (bench/site's measure);
 * - a Zipf read load at 64 connections with one published edit a second (./zipf.ts): errors,
 *   page-cache hit ratio, p99, freshness of each edited page, the server's memory;
 * - the admin's list views (articles, carriers, tips) and translation dashboard: server time p95;
 * - `next build`: time and peak memory (of its largest process), with 10,000 guides in the database.
 * Stops everything it started. Options as bench:site: --keep, --reuse DIR, --wait-idle SECONDS;
 * LAGON_BENCH_SCALE_ONLY=cold|profile (the cold pages alone; `profile` under --cpu-prof) and
 * LAGON_BENCH_SEED (the same draw of pages each run); --zipf-only (the Zipf load alone, on a freshly
 * started server), --zipf-pages N (the pages it draws from).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { appUrl, buildApp, migrateAndSeed, startApp } from '../site/app'
import { runBenchmark } from '../site/cleanup'
import { loadNow, waitForIdle } from '../site/machine'
import { measureAgainstNginx } from '../site/measure'
import { topEntries } from '../api/profile'
import { localeCodes, urlPrefix } from '../../src/lib/locales'
import { readOptions } from '../site/options'
import { runStep } from '../site/processes'
import { prepareApp } from '../site/setup'
import { snapshotWorkTree } from '../../tests/helpers/workTree'

import { measureColdGuides, randomGuides, timed } from './cold'
import { measureZipf, percentile } from './zipf'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const resultsDir = path.join(repoRoot, 'bench/results')
const scale = { articles: 10_000, carriers: 200, tips: 2_000 }
/** Every declared locale's reader prefix (`zh-hant` for zh-Hant). */
const prefixes = localeCodes.map(urlPrefix)

/** The number of pages a list says it has ("Page 1 of 334", "第 1 页，共 334 页"): the last number of its pagination. */
const lastPage = (html: string): number => {
  const label = /<span aria-current="page">([^<]*)<\/span>/.exec(html)?.[1] ?? ''
  return Number(label.match(/\d+/g)?.at(-1) ?? 1)
}

const measureListSizes = async (base: string) => {
  const sizes: Record<string, number> = {}
  for (const prefix of prefixes) {
    sizes[`/${prefix}`] = (await timed(`${base}/${prefix}`)).bytes
    for (const list of ['guides', 'carriers', 'tips']) {
      const first = await timed(`${base}/${prefix}/${list}`)
      sizes[`/${prefix}/${list}`] = first.bytes
      const last = lastPage(first.body)
      for (const page of [...new Set([Math.ceil(last / 2), last])].filter((n) => n > 1)) {
        sizes[`/${prefix}/${list}/page/${page}`] = (await timed(`${base}/${prefix}/${list}/page/${page}`)).bytes
      }
    }
  }
  return { sizes, largest: Math.max(...Object.values(sizes)) }
}

const adminLogin = async (base: string): Promise<string> => {
  const credentials = { email: 'bench-admin@lagon.test', password: 'bench admin password' }
  const register = await fetch(`${base}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...credentials, name: 'Bench admin' }),
  })
  const response = register.ok
    ? register
    : await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) })
  return ((await response.json()) as { token: string }).token
}

const measureAdmin = async (base: string, token: string) => {
  // A browser's navigation: Payload takes the cookie only from a same-origin request (CSRF).
  const headers = { cookie: `payload-token=${token}`, 'sec-fetch-site': 'same-origin' }
  const views = ['/admin/collections/articles', '/admin/collections/carriers', '/admin/collections/tips', '/admin/translations']
  const result: Record<string, { requests: number; p95: number; p50: number; status: number }> = {}
  for (const view of views) {
    const times: number[] = []
    let status = 0
    // 20 requests after a first one, or as many as fit in 3 minutes when a view is that slow.
    const until = performance.now() + 180_000
    await timed(`${base}${view}`, headers)
    for (let run = 0; run < 20 && (run === 0 || performance.now() < until); run += 1) {
      const response = await timed(`${base}${view}`, headers)
      if (response.body.includes('NEXT_REDIRECT')) throw new Error(`${view} sent the bench's admin elsewhere (not signed in?)`)
      status = response.status
      times.push(response.ms)
    }
    result[view] = { requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95), status }
  }
  return result
}

const writeResults = (name: string, results: Record<string, unknown>) => {
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  const machine = { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version }
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, ...results }, null, 2))
  console.log(`bench: results in ${path.relative(repoRoot, file)}`)
}

/** `LAGON_BENCH_SCALE_ONLY=cold`: only the cold guide pages (`profile`: the same with the server under `--cpu-prof`). */
const coldOnly = ((value) => {
  if (value && value !== 'cold' && value !== 'profile') throw new Error('LAGON_BENCH_SCALE_ONLY: cold or profile')
  return value as 'cold' | 'profile' | undefined
})(process.env.LAGON_BENCH_SCALE_ONLY || undefined)

async function main(): Promise<void> {
  const options = readOptions()
  const loadBefore = loadNow()
  console.log(`bench: ${loadBefore.uptime}`)
  const { dir, reused, setup } = await prepareApp(options)
  const timings: Record<string, number> = {}
  if (!reused) {
    console.log(`bench: ${snapshotWorkTree(repoRoot, setup.appDir)} files of the work tree copied to ${setup.appDir}`)
    await migrateAndSeed(setup)
    let started = Date.now()
    const args = Object.entries(scale).flatMap(([name, count]) => [`--${name}`, String(count)])
    await runStep('seed:scale', process.execPath, [path.join(setup.appDir, 'src/cli/run.mjs'), 'seed-scale', ...args], {
      cwd: setup.appDir,
      env: { ...process.env, DATABASE_URL: setup.databaseUrl, PAYLOAD_SECRET: 'lagon-bench-secret' },
    })
    timings.seedScaleSeconds = (Date.now() - started) / 1000
    started = Date.now()
    const peakFile = path.join(dir, 'build-peak-kb')
    await buildApp(setup, peakFile)
    timings.buildSeconds = (Date.now() - started) / 1000
    timings.buildPeakMB = Math.round(Number(readFileSync(peakFile, 'utf8').trim().split('\n').at(-1)) / 1024)
    console.log(`bench: next build ${timings.buildSeconds.toFixed(0)} s, peak ${timings.buildPeakMB} MB (largest process)`)
  }
  const profileDir = coldOnly === 'profile' ? mkdtempSync(path.join(dir, 'profile-cold-')) : undefined
  const server = await startApp(setup, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])
  const base = appUrl(setup.port)
  await waitForIdle(options.waitIdleSeconds)
  // One request starts Payload and Next's route code before anything is timed.
  await timed(`${base}/api/health`)
  const seed = process.env.LAGON_BENCH_SEED ? Number(process.env.LAGON_BENCH_SEED) : Math.random() * 2 - 1
  const measured: Record<string, unknown> = {}
  const warnings: string[] = []
  if (!options.zipfOnly) {
    const guides = await measureColdGuides(base, await randomGuides(setup.databaseUrl, seed))
    console.log(
      `bench: cold guide pages p50 ${guides.p50.toFixed(0)} ms, p99 ${guides.p99.toFixed(0)} ms, max ${guides.max.toFixed(0)} ms ` +
        `(after ${guides.warmUp.pages} other guide pages; the process's first render ${guides.firstRender?.ms.toFixed(0)} ms; LAGON_BENCH_SEED=${seed})`,
    )
    if (coldOnly) {
      console.log(`bench: slowest ${guides.slowest.map((page) => `${page.ms.toFixed(0)} ms ${page.path}`).join(', ')}`)
      if (profileDir) {
        await server.stop()
        // The sample's pages only: not the start, nor the warm-up.
        const { file, entries, inclusive, packages, busyMs } = topEntries(profileDir, 40, guides.window)
        console.log(`bench: profile ${file}: ${(busyMs / guides.pages).toFixed(1)} ms of CPU a page on the main thread, under the profiler`)
        for (const entry of packages) console.log(`  ${entry.selfPercent} %\t${entry.name}`)
        for (const entry of entries) console.log(`  self ${entry.selfPercent} %\t${entry.function}\t${entry.where}`)
        for (const entry of inclusive) console.log(`  total ${entry.totalPercent} %\t${entry.function}\t${entry.where}`)
      }
      writeResults('scale-cold', { seed, guides })
      return
    }
    const lists = await measureListSizes(base)
    console.log(`bench: largest home or list page ${lists.largest} bytes`)
    const warm = await measureAgainstNginx(dir, setup, warnings)
    console.log(`bench: warm guide ${warm.app.requestsPerSecond.toFixed(0)} req/s, nginx ${warm.nginx.requestsPerSecond.toFixed(0)} req/s (ratio ${warm.ratio.toFixed(2)})`)
    Object.assign(measured, { guides, lists, warm })
  }
  const token = await adminLogin(base)
  measured.zipf = await measureZipf(base, setup.databaseUrl, server.child.pid!, { authorization: `JWT ${token}` }, { pages: options.zipfPages })
  if (!options.zipfOnly) {
    const admin = await measureAdmin(base, token)
    for (const [view, { p95 }] of Object.entries(admin)) console.log(`bench: ${view} p95 ${p95.toFixed(0)} ms`)
    measured.admin = admin
  }
  const loadAfter = loadNow()
  console.log(`bench: ${loadAfter.uptime}`)
  writeResults('scale', { loadBefore, loadAfter, scale, timings, ...measured, warnings })
}

await runBenchmark(repoRoot, main)
