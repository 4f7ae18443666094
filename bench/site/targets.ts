import type { BenchResult } from './result'
import { kib } from './format'

export type TargetCheck = { target: string; measured: string; met: boolean }

/** "5 KB" and "a few KB" read as KiB; 5 KiB is the most "a few" is taken to mean. */
const htmlGzipLimit = 5 * 1024
const appJsGzipLimit = 5 * 1024

/** The targets the site is held to, each with what this run measured. */
export function checkTargets(result: BenchResult): TargetCheck[] {
  const { app, nginx } = result.load
  const locales = Object.keys(result.lighthouse)
  const perLocale = (value: (locale: string) => number, unit = '') =>
    locales.map((locale) => `${locale} ${value(locale)}${unit}`).join(', ')
  const everyLocale = (holds: (locale: string) => boolean) => locales.every(holds)
  const score = (locale: string, category: keyof BenchResult['lighthouse'][string]['scores']) =>
    result.lighthouse[locale]!.scores[category]
  const sizeLocales = Object.keys(result.sizes)
  return [
    {
      target: 'app ≥ 1/4 of nginx requests/s',
      measured: `${app.requestsPerSecond.toFixed(0)} vs ${nginx.requestsPerSecond.toFixed(0)} req/s = ${result.load.ratio.toFixed(3)} (1/${(1 / result.load.ratio).toFixed(0)})`,
      met: result.load.ratio >= 0.25,
    },
    { target: 'app p99 < 50 ms', measured: `${app.p99Ms} ms (p50 ${app.p50Ms} ms)`, met: app.p99Ms < 50 },
    ...(
      [
        ['performance', 95],
        ['accessibility', 100],
        ['seo', 100],
        ['best-practices', 95],
      ] as const
    ).map(([category, minimum]) => ({
      target: `Lighthouse ${category} ${minimum === 100 ? '= 100' : `≥ ${minimum}`}`,
      measured: perLocale((locale) => score(locale, category)),
      met: everyLocale((locale) => score(locale, category) >= minimum),
    })),
    {
      target: 'HTML < 5 KiB gzipped',
      measured: sizeLocales.map((locale) => `${locale} ${kib(result.sizes[locale]!.htmlGzipBytes)}`).join(', '),
      met: sizeLocales.every((locale) => result.sizes[locale]!.htmlGzipBytes < htmlGzipLimit),
    },
    {
      target: 'JS beyond Next runtime ≤ a few KB (5 KiB) gzipped',
      measured: sizeLocales
        .map((locale) => `${locale} ${kib(result.sizes[locale]!.jsGzipBytes.app)} (runtime ${kib(result.sizes[locale]!.jsGzipBytes.nextRuntime)})`)
        .join(', '),
      met: sizeLocales.every((locale) => result.sizes[locale]!.jsGzipBytes.app <= appJsGzipLimit),
    },
  ]
}
