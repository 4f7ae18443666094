import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'

import { chromiumFlags, chromiumPath } from '@/lib/chromium'

const categories = ['performance', 'accessibility', 'seo', 'best-practices'] as const
type Category = (typeof categories)[number]

const itemsOf = (details: unknown): Record<string, unknown>[] => ((details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [])

/**
 * Lighthouse's default (mobile) run of one page, as bench/site runs it: the score of each category,
 * and the weighted audits that cost points, as "id (score)".
 */
export const lighthouseRun = async (
  url: string,
): Promise<{ scores: Record<Category, number>; failed: Record<Category, string[]>; consoleErrors: string[]; issues: string[] }> => {
  const chrome = await launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags, logLevel: 'error' })
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] })
    if (!result || result.lhr.runtimeError) throw new Error(`lighthouse: ${result?.lhr.runtimeError?.message ?? 'no result'} for ${url}`)
    const { lhr } = result
    const failed = (category: Category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 1)
        .map((audit) => `${audit!.id} (${audit!.score})`)
    return {
      scores: Object.fromEntries(categories.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)])) as Record<Category, number>,
      failed: Object.fromEntries(categories.map((category) => [category, failed(category)])) as Record<Category, string[]>,
      // What the browser logged and reported, so that a lost point says why.
      consoleErrors: itemsOf(lhr.audits['errors-in-console']?.details).map((item) => `${String(item.description ?? '')} ${JSON.stringify(item.sourceLocation ?? '')}`),
      issues: itemsOf(lhr.audits['inspector-issues']?.details).map((item) => JSON.stringify(item).slice(0, 500)),
    }
  } finally {
    chrome.kill()
  }
}
