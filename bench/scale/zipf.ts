import { execFileSync } from 'node:child_process'

import autocannon from 'autocannon'
import pg from 'pg'

import type { Locale } from '../../src/lib/locales'
import { paths } from '../../src/site/paths'

/**
 * The reader load of a real site: 64 keep-alive connections asking for guide pages as browsers do
 * (Brotli or gzip accepted), drawn from a Zipf distribution (a few pages most of the time, a long
 * tail), while an editor publishes one edit a second through the API. Measured twice on one server:
 * - **after a restart**: the first 30 s of a server whose memory is empty, the 200 most read
 *   pages asked for once before (what a deploy or a crash costs readers);
 * - **steady**: the same load goes on in windows of 10 s until the page cache's hit ratio stops
 *   rising (less than a point over 20 s, or at most `warmUpMaxSeconds`), as on a
 *   site that has been serving; then 30 s more are measured. The cache keeps its configured
 *   budget in bytes (`SITE_PAGE_CACHE_MB`) and evicts as it does in production.
 * Each measures errors, the share of pages Lagon's page cache answered (`x-lagon-cache: HIT`),
 * latency, how long each edited page took to show the edit, and the server's memory.
 */
export type ZipfRound = {
  durationSeconds: number
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  errors: number
  timeouts: number
  /** HIT among the answers that said (`x-lagon-cache`). */
  hitRatio: number
  /** HIT or STALE (a kept copy answered while the page is rendered again) among the answers that said. */
  fromMemoryRatio: number
  cacheStates: Record<string, number>
  /** Answers by status code (autocannon counts timeouts and socket errors apart). */
  statuses: Record<string, number>
  edits: { count: number; failed: number; failedStatuses: number[]; freshP50Ms: number; freshMaxMs: number; freshWithin1s: number; neverFresh: number }
  /** The server process's resident memory (its group's largest process), and its whole process group's, sampled every second. */
  rssMB: { start: number; max: number; end: number; groupMax: number }
}

export type ZipfResult = {
  connections: number
  acceptEncoding: string
  pages: number
  exponent: number
  /** The most read pages, each asked for once before the first round. */
  warmedPages: number
  afterRestart: ZipfRound
  warmUp: { seconds: number; steady: boolean; windows: { hitRatio: number; requests: number; p99Ms: number; rssMB: number }[] }
  steady: ZipfRound
}

/**
 * `acceptEncoding`: what readers' browsers send (Chrome's), so that the server keeps and sends
 * what it does for them; a client accepting no encoding is measured by bench/site and ./warm.ts.
 */
export const zipfShape = {
  connections: 64,
  durationSeconds: 30,
  pages: 2_000,
  exponent: 1,
  warmed: 200,
  windowSeconds: 10,
  warmUpMaxSeconds: 180,
  acceptEncoding: 'gzip, deflate, br, zstd',
}

type Guide = { id: number; locale: string; path: string }

/** Published (guide, locale) pairs, in a random order that is the popularity ranking. */
const rankedGuides = async (databaseUrl: string, count: number): Promise<Guide[]> => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ id: number; locale: string; slug: string }>(
      `select _parent_id as id, _locale as locale, slug from articles_locales
       where _status = 'published' and title is not null and slug is not null order by random() limit $1`,
      [count],
    )
    return rows.map((row) => ({ id: row.id, locale: row.locale, path: paths.guide(row.locale as Locale, encodeURIComponent(row.slug)) }))
  } finally {
    await client.end()
  }
}

/** Draws ranks 0…n-1 with probability ∝ 1 / (rank + 1)^s. */
const zipfSampler = (n: number, s: number): (() => number) => {
  const cumulative: number[] = []
  let total = 0
  for (let rank = 1; rank <= n; rank += 1) cumulative.push((total += 1 / rank ** s))
  return () => {
    const target = Math.random() * total
    let low = 0
    let high = n - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return low
  }
}

/** Resident memory of a process group (the server and anything it started), in MB: its largest process's and the group's. */
const groupRssMB = (pid: number): { largest: number; group: number } => {
  try {
    const output = execFileSync('ps', ['-o', 'rss=', '-g', String(pid)], { encoding: 'utf8' })
    const kilobytes = output.split('\n').map((line) => Number(line.trim()) || 0)
    return { largest: Math.round(Math.max(0, ...kilobytes) / 1024), group: Math.round(kilobytes.reduce((sum, kb) => sum + kb, 0) / 1024) }
  } catch {
    return { largest: 0, group: 0 }
  }
}

/** The value at or below which `p` % of `values` fall (0 for none). */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One edit a second: a new summary on a guide among the most read (so the edit meets readers),
 * published through the API as an editor's save; then the page is asked for until it shows the
 * new summary (every 20 ms, at most 5 s): the time from the save's answer to the first fresh page.
 */
const editEverySecond = async (base: string, headers: Record<string, string>, guides: Guide[], edited: { count: number }, until: number) => {
  const fresh: number[] = []
  const failedStatuses: number[] = []
  let failed = 0
  let neverFresh = 0
  // Rounds follow one another: the next edit goes to the next of the 50 most read guides.
  for (let index = edited.count; performance.now() < until; index = ++edited.count) {
    const started = performance.now()
    const guide = guides[index % Math.min(50, guides.length)]!
    const summary = `Zipf edit ${index} at ${Date.now()}`
    // A save that cannot reach the server counts as status 0.
    const response = await fetch(`${base}/api/articles/${guide.id}?locale=${guide.locale}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      // Synthetic guides have translation QA errors, which block publishing unless overridden, as an editor may.
      body: JSON.stringify({ summary, translation: { qaOverrideReason: 'Benchmark edit.' } }),
    }).catch(() => undefined)
    await response?.arrayBuffer().catch(() => undefined)
    if (!response?.ok) {
      failed += 1
      failedStatuses.push(response?.status ?? 0)
    } else {
      const saved = performance.now()
      let seen = false
      while (performance.now() - saved < 5_000) {
        const text = await fetch(`${base}${guide.path}`).then((page) => page.text(), () => '')
        if (text.includes(summary)) {
          fresh.push(performance.now() - saved)
          seen = true
          break
        }
        await sleep(20)
      }
      if (!seen) neverFresh += 1
    }
    await sleep(Math.max(0, 1_000 - (performance.now() - started)))
  }
  return {
    count: fresh.length + failed + neverFresh,
    failed,
    failedStatuses,
    freshP50Ms: percentile(fresh, 50),
    freshMaxMs: fresh.length ? Math.max(...fresh) : 0,
    freshWithin1s: fresh.filter((ms) => ms <= 1_000).length,
    neverFresh,
  }
}

type Load = { base: string; serverPid: number; headers: Record<string, string>; guides: Guide[]; draw: () => number; edited: { count: number } }

/** The Zipf load with its edits for `durationSeconds`, on a server in whatever state it is. */
const zipfRound = async ({ base, serverPid, headers, guides, draw, edited }: Load, durationSeconds: number): Promise<ZipfRound> => {
  const cacheStates: Record<string, number> = {}
  const statuses: Record<string, number> = {}
  const first = groupRssMB(serverPid)
  const rss = { start: first.largest, max: first.largest, end: 0, groupMax: first.group }
  const sample = () => {
    const now = groupRssMB(serverPid)
    rss.max = Math.max(rss.max, now.largest)
    rss.groupMax = Math.max(rss.groupMax, now.group)
    return now
  }
  const sampler = setInterval(sample, 1_000)
  const until = performance.now() + durationSeconds * 1_000
  try {
    const [result, edits] = await Promise.all([
      autocannon({
        url: base,
        connections: zipfShape.connections,
        duration: durationSeconds,
        requests: [
          {
            method: 'GET',
            headers: { 'accept-encoding': zipfShape.acceptEncoding },
            setupRequest: (request) => ({ ...request, path: guides[draw()]!.path }),
            onResponse: (status, _body, _context, headers) => {
              statuses[status] = (statuses[status] ?? 0) + 1
              const state = (headers as Record<string, string | undefined>)?.['x-lagon-cache'] ?? 'none'
              cacheStates[state] = (cacheStates[state] ?? 0) + 1
            },
          },
        ],
      }),
      editEverySecond(base, headers, guides, edited, until),
    ])
    rss.end = sample().largest
    const said = Object.entries(cacheStates).filter(([state]) => state !== 'none').reduce((sum, [, count]) => sum + count, 0)
    return {
      durationSeconds,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      hitRatio: said ? (cacheStates.HIT ?? 0) / said : 0,
      fromMemoryRatio: said ? ((cacheStates.HIT ?? 0) + (cacheStates.STALE ?? 0)) / said : 0,
      cacheStates,
      statuses,
      edits,
      rssMB: rss,
    }
  } finally {
    clearInterval(sampler)
  }
}

const describeRound = (name: string, round: ZipfRound) =>
  `bench: zipf ${name}: ${round.requests} requests, ${round.non2xx + round.errors + round.timeouts} failed, hit ratio ${(round.hitRatio * 100).toFixed(1)} % ` +
  `(from memory ${(round.fromMemoryRatio * 100).toFixed(1)} %), p50 ${round.p50Ms} ms, p99 ${round.p99Ms} ms, ` +
  `${round.edits.freshWithin1s}/${round.edits.count} edits fresh within 1 s (max ${round.edits.freshMaxMs.toFixed(0)} ms), RSS max ${round.rssMB.max} MB (group ${round.rssMB.groupMax} MB)`

/**
 * `pages`: how many published (guide, locale) pairs the load draws from (zipfShape.pages unless
 * given); `log` is told each round's figures as they come.
 */
export const measureZipf = async (
  base: string,
  databaseUrl: string,
  serverPid: number,
  headers: Record<string, string>,
  { pages = zipfShape.pages, log = console.log }: { pages?: number; log?: (line: string) => void } = {},
): Promise<ZipfResult> => {
  const { connections, durationSeconds, exponent, warmed, windowSeconds, warmUpMaxSeconds } = zipfShape
  const guides = await rankedGuides(databaseUrl, pages)
  const load: Load = { base, serverPid, headers, guides, draw: zipfSampler(guides.length, exponent), edited: { count: 0 } }
  // The head of the distribution, four at a time; the tail stays cold, as after a restart.
  const head = guides.slice(0, warmed)
  await Promise.all(
    Array.from({ length: 4 }, async (_, worker) => {
      for (let index = worker; index < head.length; index += 4) await (await fetch(`${base}${head[index]!.path}`)).arrayBuffer()
    }),
  )
  const afterRestart = await zipfRound(load, durationSeconds)
  log(describeRound('first 30 s after a restart', afterRestart))
  // The same load until the hit ratio settles: the cache then holds what a serving site's holds.
  const windows: ZipfResult['warmUp']['windows'] = []
  let steady = false
  while (!steady && windows.length * windowSeconds < warmUpMaxSeconds) {
    const window = await zipfRound(load, windowSeconds)
    windows.push({ hitRatio: window.hitRatio, requests: window.requests, p99Ms: window.p99Ms, rssMB: window.rssMB.max })
    log(`bench: zipf warm-up ${windows.length * windowSeconds} s: hit ratio ${(window.hitRatio * 100).toFixed(1)} %, p99 ${window.p99Ms} ms, RSS ${window.rssMB.max} MB`)
    // Settled: no gain of a point over the last 20 s (a busy machine fills the cache slowly, not less).
    const before = windows.at(-3)
    steady = before !== undefined && window.hitRatio - before.hitRatio < 0.01
  }
  const steadyRound = await zipfRound(load, durationSeconds)
  log(describeRound('steady', steadyRound))
  return {
    connections,
    acceptEncoding: zipfShape.acceptEncoding,
    pages: guides.length,
    exponent,
    warmedPages: head.length,
    afterRestart,
    warmUp: { seconds: windows.length * windowSeconds, steady, windows },
    steady: steadyRound,
  }
}
