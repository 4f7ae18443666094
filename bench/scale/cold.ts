import pg from 'pg'

import type { Locale } from '../../src/lib/locales'
import { paths as readerPaths } from '../../src/site/paths'

import { monotonicUs, type ProfileWindow } from '../api/profile'

import { percentile } from './zipf'

/** Milliseconds to the whole response, and its body. */
export const timed = async (url: string, headers: Record<string, string> = {}) => {
  const started = performance.now()
  const response = await fetch(url, { headers, redirect: 'manual' })
  const body = await response.text()
  return { ms: performance.now() - started, status: response.status, bytes: Buffer.byteLength(body), body }
}

/** Pages rendered before the sample, to warm the process (not the pages: none of them is in the sample). */
export const warmUpPages = 20
export const samplePages = 50

/**
 * (guide, locale) pairs published for readers, drawn at random, one per guide: the first
 * `warmUpPages` to warm the process, then the `samplePages` measured. `seed` (−1 to 1) makes the
 * draw repeatable, to compare two builds on the same pages.
 */
export const randomGuides = async (databaseUrl: string, seed: number): Promise<{ warmUp: string[]; sample: string[] }> => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('select setseed($1)', [seed])
    const { rows } = await client.query<{ locale: string; slug: string }>(
      // One locale per guide: two locales of one guide share its entry and embeds in Next's data cache.
      `select locale, slug from (
         select distinct on (_parent_id) _locale as locale, slug from articles_locales
         where _status = 'published' and title is not null order by _parent_id, random()
       ) pages order by random() limit $1`,
      [warmUpPages + samplePages],
    )
    const paths = rows.map((row) => readerPaths.guide(row.locale as Locale, row.slug))
    return { warmUp: paths.slice(0, warmUpPages), sample: paths.slice(warmUpPages) }
  } finally {
    await client.end()
  }
}

const render = async (base: string, urlPath: string) => {
  const { ms, status, bytes } = await timed(`${base}${urlPath}`)
  if (status !== 200) throw new Error(`${urlPath} answered ${status}`)
  return { path: urlPath, ms: Math.round(ms * 10) / 10, bytes }
}

/**
 * Cold guide pages, one at a time: first `warmUp` (its first page is the process's very first
 * render, reported apart), then the sample. "Cold" means that neither Lagon's page cache nor
 * Next's data cache holds the page or its document; the process itself has rendered guide pages
 * before, as a server that has been up for a while has.
 */
export const measureColdGuides = async (base: string, { warmUp, sample }: { warmUp: string[]; sample: string[] }) => {
  const warm = []
  for (const urlPath of warmUp) warm.push(await render(base, urlPath))
  const pages = []
  const window: ProfileWindow = { fromUs: monotonicUs(), toUs: 0 }
  for (const urlPath of sample) pages.push(await render(base, urlPath))
  window.toUs = monotonicUs()
  const times = pages.map((page) => page.ms)
  return {
    window,
    pages: pages.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: Math.max(...times),
    firstRender: warm[0],
    warmUp: { pages: warm.length, p50: percentile(warm.map((page) => page.ms), 50), max: Math.max(...warm.map((page) => page.ms)), all: warm },
    slowest: [...pages].sort((a, b) => b.ms - a.ms).slice(0, 5),
    all: pages,
  }
}
