import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { launch } from 'chrome-launcher'
import lighthouse, { type Result } from 'lighthouse'

import { chromiumFlags, chromiumPath } from '../../src/lib/chromium'

import { onCleanup } from './cleanup'

export { chromiumPath }

const categories = ['performance', 'accessibility', 'seo', 'best-practices'] as const
type Category = (typeof categories)[number]

export type LighthouseRun = {
  url: string
  lighthouseVersion: string
  scores: Record<Category, number>
  /** The lab metrics behind the performance score (mobile, simulated slow 4G and 4× CPU slowdown). */
  metrics: Record<string, number | undefined>
  /** Audits that cost points, by category, so a missed target says why. */
  failedAudits: Record<Category, string[]>
  /** Bytes of JavaScript Chromium downloaded (as sent: compressed by the server when it could). */
  scriptTransferBytes: number
  /** Any request that left this machine; should be empty. */
  outsideRequests: string[]
  /** What the browser logged as errors (best practices' errors-in-console). */
  consoleErrors: string[]
}

export type Audited = { run: LighthouseRun; lhr: Result }

/** Lighthouse's default (mobile) run of one page, in a Chromium of its own, killed afterwards. */
export async function auditPage(url: string): Promise<Audited> {
  // A fresh profile of our own, so that the reaper knows which folder to remove if need be.
  const profile = mkdtempSync(path.join(tmpdir(), 'lagon-bench-chromium-'))
  const removeProfile = onCleanup('Chromium profile', () => rmSync(profile, { recursive: true, force: true, maxRetries: 5 }), {
    remove: profile,
  })
  try {
    const chrome = await launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags, userDataDir: profile, logLevel: 'error' })
    // chrome-launcher starts Chromium in a process group of its own.
    const kill = onCleanup('Chromium', () => chrome.kill(), { group: chrome.pid })
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] })
      if (!result) throw new Error(`lighthouse returned nothing for ${url}`)
      if (result.lhr.runtimeError) throw new Error(`lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`)
      return { run: summarize(url, result.lhr), lhr: result.lhr }
    } finally {
      await kill()
    }
  } finally {
    await removeProfile()
  }
}

function summarize(url: string, lhr: Result): LighthouseRun {
  const score = (category: Category) => Math.round((lhr.categories[category]?.score ?? 0) * 100)
  const numeric = (id: string) => lhr.audits[id]?.numericValue
  return {
    url,
    lighthouseVersion: lhr.lighthouseVersion,
    scores: Object.fromEntries(categories.map((category) => [category, score(category)])) as Record<Category, number>,
    metrics: {
      firstContentfulPaintMs: numeric('first-contentful-paint'),
      largestContentfulPaintMs: numeric('largest-contentful-paint'),
      totalBlockingTimeMs: numeric('total-blocking-time'),
      cumulativeLayoutShift: numeric('cumulative-layout-shift'),
      speedIndexMs: numeric('speed-index'),
    },
    failedAudits: Object.fromEntries(categories.map((category) => [category, failedAudits(lhr, category)])) as Record<Category, string[]>,
    scriptTransferBytes: scriptTransferBytes(lhr),
    outsideRequests: outsideRequests(lhr, new URL(url).host),
    consoleErrors: consoleErrors(lhr),
  }
}

/** Weighted audits of a category that did not get full marks, as "id (score)". */
function failedAudits(lhr: Result, category: Category): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && audit.score !== null && audit.score < 1)
    .map((audit) => `${audit!.id} (${audit!.score})`)
}

type ConsoleRow = { description?: string; sourceLocation?: { url?: string } }

function consoleErrors(lhr: Result): string[] {
  const rows = ((lhr.audits['errors-in-console']?.details as { items?: ConsoleRow[] } | undefined)?.items ?? []) as ConsoleRow[]
  return rows.map((row) => `${row.description ?? ''}${row.sourceLocation?.url ? ` (${row.sourceLocation.url})` : ''}`.slice(0, 300))
}

type SummaryRow = { resourceType?: string; transferSize?: number }
type RequestRow = { url?: string }

function scriptTransferBytes(lhr: Result): number {
  const rows = ((lhr.audits['resource-summary']?.details as { items?: SummaryRow[] } | undefined)?.items ?? []) as SummaryRow[]
  return rows.find((row) => row.resourceType === 'script')?.transferSize ?? 0
}

function outsideRequests(lhr: Result, host: string): string[] {
  const rows = ((lhr.audits['network-requests']?.details as { items?: RequestRow[] } | undefined)?.items ?? []) as RequestRow[]
  return rows
    .map((row) => row.url ?? '')
    .filter((url) => /^https?:/.test(url) && new URL(url).host !== host)
}

export type MedianRun = LighthouseRun & { performanceScores: number[] }

/**
 * Runs the page `runs` times and keeps the run with the median performance score: on two shared
 * cores a single run's score moves by several points.
 */
export async function auditPageMedian(url: string, runs: number): Promise<{ run: MedianRun; lhr: Result }> {
  const results: Audited[] = []
  for (let run = 0; run < runs; run++) results.push(await auditPage(url))
  const sorted = [...results].sort((a, b) => a.run.scores.performance - b.run.scores.performance)
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!
  return { run: { ...median.run, performanceScores: results.map(({ run }) => run.scores.performance) }, lhr: median.lhr }
}
