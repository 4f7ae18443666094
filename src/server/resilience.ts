/**
 * What Lagon's server does when something behind it fails: a render that hangs, a database that
 * is down, a shutdown with requests in flight. Readers get the last good copy of a page they ask
 * for, or a short localized 503 page, never an endless wait; the server stops without dropping
 * requests it accepted.
 */
import type { Server, ServerResponse } from 'node:http'

import { retryAfterSeconds } from '@/db/availability'
import type { Locale } from '@/lib/locales'
import { recencyOrder } from '@/lib/recency'
import { wholeNumber } from '@/lib/wholeNumber'
import { bcp47 } from '@/site/format'
import { unavailableText } from '@/site/unavailableText'

const megabyte = 1024 * 1024

/** The server's limits, from the environment (documented in .env.example). */
export const serverSettings = () => ({
  /** Memory for readers' pages, all encodings counted; 0 keeps none. */
  pageCacheBytes: wholeNumber('SITE_PAGE_CACHE_MB', 64) * megabyte,
  /**
   * Next's own in-memory cache (its `cacheMaxMemorySize`): the data reads pages are rendered from,
   * and a second copy of each page (HTML, RSC payload, segments) that the front already keeps.
   * Next counts a cached read at the length of its JSON, not at the objects it holds in the heap.
   */
  nextCacheBytes: wholeNumber('SITE_NEXT_CACHE_MB', 16) * megabyte,
  /** How long a reader waits for Next to render a page before getting the last good copy, or a 503. */
  renderTimeoutMs: Math.max(1, wholeNumber('SITE_RENDER_TIMEOUT_MS', 10_000)),
  /** Renders of readers' pages Next runs at once (renderSlots.ts); Next shares the process's CPU with every hit. */
  renderConcurrency: Math.max(1, wholeNumber('SITE_RENDER_CONCURRENCY', 4)),
  /** Misses for other pages that wait for a render slot; more get the last good copy or a 503. */
  renderQueue: wholeNumber('SITE_RENDER_QUEUE', 64),
  /** How long a miss waits for a render slot before getting the last good copy or a 503. */
  renderQueueWaitMs: Math.max(1, wholeNumber('SITE_RENDER_QUEUE_WAIT_MS', 5_000)),
  /** How long SIGTERM waits for requests in flight before the process exits anyway. */
  shutdownTimeoutMs: wholeNumber('SHUTDOWN_TIMEOUT_MS', 10_000),
})

/**
 * The pages kept in memory, least recently used first out beyond `maxBytes` (src/lib/recency.ts).
 * Unlike the cache of fresh pages, a change to public content does not empty it: the copy of a
 * page that was served once is what readers get while the page cannot be rendered again.
 */
export const pagesWithinBytes = <T>(maxBytes: number, bytesOf: (value: T) => number) => {
  const entries = new Map<string, { value: T; bytes: number; placed: number }>()
  const order = recencyOrder()
  let total = 0
  const remove = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    total -= entry.bytes
  }
  return {
    get: (key: string): T | undefined => {
      const entry = entries.get(key)
      if (!entry) return undefined
      order.read(entries, key, entry)
      return entry.value
    },
    set: (key: string, value: T): void => {
      remove(key)
      const bytes = bytesOf(value)
      if (bytes > maxBytes) return
      entries.set(key, { value, bytes, placed: order.placed() })
      total += bytes
      while (total > maxBytes) remove(entries.keys().next().value!)
    },
    /** Counts `value` again at its size now (a copy added or made smaller), if it is still the one kept for `key`. */
    recount: (key: string, value: T): void => {
      const entry = entries.get(key)
      if (entry?.value !== value) return
      total += bytesOf(value) - entry.bytes
      entry.bytes = bytesOf(value)
      // The entry itself stays; older ones go first, and this one too once it alone is over the budget.
      while (total > maxBytes) remove(entries.keys().next().value!)
    },
    /** Whether a copy is kept, without counting it as a use. */
    has: (key: string): boolean => entries.has(key),
    /** The copy kept, without counting it as a use. */
    peek: (key: string): T | undefined => entries.get(key)?.value,
    bytes: () => total,
  }
}

/** A render that did not answer within SITE_RENDER_TIMEOUT_MS. */
export class RenderTimeout extends Error {
  constructor(path: string, ms: number) {
    super(`${path}: no answer from Next within ${ms} ms`)
  }
}

/** The locale's "temporarily unavailable" page: 503, Retry-After, never stored by any cache. */
export const sendUnavailable = (res: ServerResponse, locale: Locale, head: boolean): void => {
  const text = unavailableText(locale)
  const body = Buffer.from(
    `<!doctype html><html lang="${bcp47(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta name="robots" content="noindex"><title>${text.title}</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">` +
      `<main><h1>${text.title}</h1><p>${text.body}</p><p><a href="/${locale}">${text.home}</a></p></main></body></html>`,
  )
  res.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    'retry-after': String(retryAfterSeconds),
    'cache-control': 'no-store',
    'x-lagon-cache': 'UNAVAILABLE',
  })
  res.end(head ? undefined : body)
}

/**
 * Counts the requests a server is answering, so that a shutdown can wait for them: `drain` stops
 * accepting connections, closes idle kept-alive ones, and resolves once the last request in
 * flight has ended (true) or after `timeoutMs` (false).
 */
export const drainable = (server: Server) => {
  let inFlight = 0
  let whenIdle: (() => void) | undefined
  // One listener for every response, not a closure and a `once` wrapper each: this runs on every
  // request, reader pages from memory included (tens of thousands a second). A response closes once.
  const ended = () => {
    inFlight -= 1
    // A kept-alive connection that has just finished its request would wait for the next one.
    if (whenIdle) server.closeIdleConnections()
    if (inFlight === 0) whenIdle?.()
  }
  server.on('request', (_req, res: ServerResponse) => {
    inFlight += 1
    res.on('close', ended)
  })
  return {
    inFlight: () => inFlight,
    drain: (timeoutMs: number): Promise<boolean> =>
      new Promise((resolve) => {
        server.close()
        const timer = setTimeout(() => resolve(false), timeoutMs)
        whenIdle = () => {
          clearTimeout(timer)
          resolve(true)
        }
        if (inFlight === 0) whenIdle()
      }),
  }
}
