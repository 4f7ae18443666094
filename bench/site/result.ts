import type { MedianRun } from './lighthouse'
import type { LoadResult } from './load'
import type { loadNow, Machine } from './machine'
import type { PageSizes } from './sizes'

type LoadNow = ReturnType<typeof loadNow>

/** Everything one run measured; written as JSON to bench/results/. */
export type BenchResult = {
  machine: Machine
  loadBefore: LoadNow
  loadAfter: LoadNow
  /** Load averages at each step's end, to see whether other work overlapped a measurement. */
  loadByStep: Record<string, number[]>
  /** % of all CPUs busy during the 2 s before a step, while the benchmark itself idled: others' work. */
  idleBusyByStep: Record<string, number>
  /** The page under load, served by both servers. */
  loadPage: string
  load: {
    app: LoadResult
    nginx: LoadResult
    /** app requests/s ÷ nginx requests/s. */
    ratio: number
    /** Both answered with the same bytes and Content-Type, uncompressed. */
    sameBody: boolean
    contentType: { app: string; nginx: string }
    /** How Next served the page: whether it came from its cache or was rendered per request. */
    appHeaders: Record<string, string>
    compression: string
  }
  sizes: Record<string, PageSizes>
  lighthouse: Record<string, MedianRun>
  lighthouseRuns: number
  /** Anything that makes a number above suspect: errors under load, differing bodies, outside requests. */
  warnings: string[]
}
