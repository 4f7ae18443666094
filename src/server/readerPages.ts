import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import { brotliCompress, constants, gunzipSync, gzip } from 'node:zlib'

import { expiryClock, taggedStore } from '@/freshness/taggedStore'
import { strongEtag } from '@/api/httpCaching'
import { localeOfPrefix, prefixShape, type Locale } from '@/lib/locales'
import { negotiateLocale } from '@/site/negotiate'
import { paths } from '@/site/paths'
import { isSiteTag } from '@/site/tags'

import { isRenderRefusal, type RenderSlots } from './renderSlots'
import { pagesWithinBytes, RenderTimeout, sendUnavailable } from './resilience'
import { withoutClientRuntime } from './withoutClientRuntime'

type Encoding = 'br' | 'gzip' | 'identity'
/** `hit`: every header of a HIT (the page's, the site's security headers, `x-lagon-cache`) as name, value pairs, made once. */
type Variant = { headers: OutgoingHttpHeaders; body: Buffer; hit: string[] }
/**
 * `variants.identity` is made on demand (`variantOf`): readers' browsers all accept Brotli or
 * gzip, and the uncompressed bytes, the largest copy (a guide page's 20 KB against 2–3 KB), are
 * kept only for a page that a client accepting neither has asked for.
 */
type CachedPage = {
  etag: string
  variants: { br: Variant; gzip: Variant; identity?: Variant }
  notModified: OutgoingHttpHeaders
  notModifiedHit: string[]
  recompress: () => Promise<void>
  /** The uncompressed copy, made from the gzip one and kept with the page. */
  identity: () => Variant
}
type Fetched = { status: number; headers: IncomingHttpHeaders; body: Buffer }

/**
 * Readers' requests for the site's pages: `/{locale}` and below, GET or HEAD, without a query
 * string (`?choose=` is the language switcher's, answered by the proxy) and outside draft mode.
 * Any prefix of a locale's shape counts, so that an unknown locale (`/de/…`) gets the 404 page too: no
 * other route of Lagon's has one.
 */
const readerPath = new RegExp(`^/(${prefixShape})(?:/[^?#]*)?$`)
const draftModeCookie = '__prerender_bypass'

/** Everything that makes a request for a reader's path a reader's request. */
const asReader = (req: IncomingMessage): boolean =>
  (req.method === 'GET' || req.method === 'HEAD') && !req.headers.cookie?.includes(draftModeCookie) && req.headers.rsc === undefined

export const isReaderPageRequest = (req: IncomingMessage): boolean => readerPath.test(req.url ?? '') && asReader(req)

/**
 * Browsers check with the ETag each time (a 304 is a few hundred bytes), so a page published,
 * edited or withdrawn is what the next reader gets, through any shared cache that obeys HTTP.
 */
const cacheControl = 'public, max-age=0, must-revalidate'

type ReaderPagesSettings = {
  nextOrigin: () => string
  maxBytes: number
  renderTimeoutMs: number
  /** Where each render waits its turn (renderSlots.ts). */
  renders: RenderSlots
  /** The security headers of a reader page (securityHeaders.ts), which a HIT sends without being given them. */
  siteHeaders: Readonly<Record<string, string>>
}

/**
 * The reader site as readers get it: each page as Next prerendered it, without Next's client
 * runtime (see withoutClientRuntime), compressed once (Brotli and gzip), and answered from memory
 * until public content changes. The page's first request after a change asks Next, which has
 * re-rendered exactly the pages whose cache tags the change expired and answers the others from
 * its own cache. Each page is kept with the cache tags of the data it was rendered from (see
 * `tagPagesFromNext`) and forgotten when a change expires one of them (src/freshness/), or after
 * the TTL; a page whose tags Next did not tell is served but not kept (one that reads no data
 * has none, and is kept until the TTL).
 *
 * When Next cannot make a page (a 5xx, no answer within `renderTimeoutMs`, the database down),
 * readers get the last good copy still in memory, or the locale's 503 page (see resilience.ts).
 * Renders run `renders` at a time: a miss while every slot is taken gets the page's last good
 * copy at once (the page is rendered again in the background), or waits its turn in the bounded
 * queue, or is answered 503 when the queue is full. Hits never wait for a slot.
 * Pages are kept within `maxBytes`; which of them are fresh is tracked apart, by ETag.
 *
 * `nextOrigin` is Next's own handler on a private loopback port.
 */
export const readerPages = ({ nextOrigin, maxBytes, renderTimeoutMs, renders, siteHeaders }: ReaderPagesSettings) => {
  // Pages are kept within maxBytes, stale ones too (served while Next cannot render); which of
  // them are fresh is tracked by their ETag, with the cache tags they were rendered from.
  const fresh = taggedStore<string>('pages')
  const kept = pagesWithinBytes<CachedPage>(maxBytes, pageBytes)
  const freshPage = (path: string): CachedPage | undefined => {
    const page = kept.get(path)
    return page && fresh.get(path) === page.etag ? page : undefined
  }
  /** The copy of `page` in `encoding`; an uncompressed one made now is counted against `maxBytes`. */
  const variantOf = (path: string, page: CachedPage, encoding: Encoding): Variant => {
    const variant = page.variants[encoding]
    if (variant) return variant
    const made = page.identity()
    kept.recount(path, page)
    return made
  }
  const filling = new Map<string, Promise<CachedPage | Fetched>>()
  const agent = new http.Agent({ keepAlive: true })

  // A page readers already have a copy of (an edit expired it) goes before first renders: the
  // pages read most are the ones that change readers' view of an edit.
  const fill = (path: string): Promise<CachedPage | Fetched> =>
    renders.run(() => render(path), { first: kept.has(path) }).finally(recompressWhenIdle)

  const render = async (path: string): Promise<CachedPage | Fetched> => {
    const startedAt = expiryClock()
    const fetched = await get(agent, `${nextOrigin()}${path}`, renderTimeoutMs)
    const html = isCacheable(fetched) ? withoutClientRuntime(fetched.body.toString('utf8')) : undefined
    if (html === undefined) return fetched
    const page = await compressed(Buffer.from(html), fetched.headers, siteHeaders)
    kept.set(path, page)
    const tags = fetched.headers[pageTagsHeader]
    if (typeof tags === 'string') fresh.store(path, page.etag, tags.split(',').filter(Boolean), startedAt, maxFreshMarks)
    toRecompress.delete(path)
    toRecompress.add(path)
    if (toRecompress.size > maxRecompressQueued) toRecompress.delete(toRecompress.values().next().value!)
    return page
  }

  /**
   * Brotli's best quality for the pages kept since, one at a time, once no render has run for
   * `recompressIdleMs`: a recompression takes 10–25 ms of a core, and one started between two
   * renders (a reader's next page, a crawler) slowed the next render by as much on 2 cores. Until
   * then, and for a page that leaves the queue (bounded) or the cache first, the first copy is served.
   */
  const toRecompress = new Set<string>()
  let idle: NodeJS.Timeout | undefined
  function recompressWhenIdle() {
    clearTimeout(idle)
    if (toRecompress.size === 0) return
    idle = setTimeout(() => void recompressNext(), recompressIdleMs)
    idle.unref()
  }
  const recompressNext = async () => {
    // A render running now rearms the wait when it ends.
    if (renders.inFlight() > 0) return
    const path = toRecompress.values().next().value
    if (path === undefined) return
    toRecompress.delete(path)
    // `peek`: a recompression is not a reader's use of the page (the order pages leave in).
    const page = kept.peek(path)
    if (page) {
      await page.recompress().catch(() => {})
      // Counted again at its new size, if it is still the page kept for that path.
      kept.recount(path, page)
    }
    if (renders.inFlight() === 0) setImmediate(() => void recompressNext())
  }

  /** Undefined when Next could not answer; a 5xx is Next's way of saying the same. */
  const answerAt = (path: string): Promise<CachedPage | Fetched | undefined> =>
    pageAt(path).then(
      (answer) => ('variants' in answer || answer.status < 500 ? answer : undefined),
      (error: unknown) => {
        // A refusal is the cap doing its work under load, not a failure worth a line per request.
        if (!isRenderRefusal(error)) console.error(`lagon: ${path}: ${error instanceof Error ? error.message : String(error)}`)
        return undefined
      },
    )

  const pageAt = (path: string): Promise<CachedPage | Fetched> => {
    const cached = freshPage(path)
    if (cached) return Promise.resolve(cached)
    let pending = filling.get(path)
    if (!pending) {
      pending = fill(path).finally(() => filling.delete(path))
      filling.set(path, pending)
    }
    return pending
  }

  /**
   * A reader's request for a page kept fresh in memory, answered at once (true), before the
   * server does anything else with it: with the headers made when the page was kept, security
   * headers included, in one `writeHead`, and no promise. Its path was checked when the page was
   * first asked for (main.ts), and nothing of the request goes further. Anything else: false.
   * Only readers' paths are kept, so a path found needs no look at its shape.
   */
  const answerHit = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = req.url!
    const page = freshPage(path)
    if (!page || !asReader(req) || isNotFoundPage(path)) return false
    if (matches(req.headers['if-none-match'], page.etag)) res.writeHead(304, page.notModifiedHit).end()
    else {
      const { hit, body } = variantOf(path, page, preferredEncoding(req.headers['accept-encoding']))
      res.writeHead(200, hit).end(req.method === 'HEAD' ? undefined : body)
    }
    return true
  }

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = req.url!
    const notFoundPage = isNotFoundPage(path)
    const cached = freshPage(path)
    if (cached && !notFoundPage) return send(req, res, path, cached, 'HIT')
    const lastCopy = cached || notFoundPage ? undefined : kept.get(path)
    if (lastCopy && renders.busy()) {
      void answerAt(path)
      return send(req, res, path, lastCopy, 'STALE')
    }
    const answer = cached ?? (await answerAt(path))
    if (!answer) {
      const lastGood = notFoundPage ? undefined : kept.get(path)
      return lastGood ? send(req, res, path, lastGood, 'STALE') : sendUnavailable(res, localeOf(req), req.method === 'HEAD')
    }
    if ('variants' in answer) return notFoundPage ? sendNotFound(req, res, path, answer) : send(req, res, path, answer, 'MISS')
    if (answer.status === 404 && isEmptyErrorShell(answer.body)) {
      const notFoundPath = paths.notFound(localeOf(req))
      const notFound = await answerAt(notFoundPath)
      if (notFound && 'variants' in notFound) return sendNotFound(req, res, notFoundPath, notFound)
    }
    relay(req, res, answer)
  }

  const send = (req: IncomingMessage, res: ServerResponse, path: string, page: CachedPage, state: 'HIT' | 'MISS' | 'STALE'): void => {
    res.setHeader('x-lagon-cache', state)
    if (matches(req.headers['if-none-match'], page.etag)) {
      res.writeHead(304, page.notModified).end()
      return
    }
    const { headers, body } = variantOf(path, page, preferredEncoding(req.headers['accept-encoding']))
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body)
  }

  /** The locale's 404 page (kept at `path`), with the 404 status; never a 304 or an ETag: it stands for a page that is not there. */
  const sendNotFound = (req: IncomingMessage, res: ServerResponse, path: string, page: CachedPage): void => {
    const { headers, body } = variantOf(path, page, preferredEncoding(req.headers['accept-encoding']))
    const { etag: _etag, ...withoutEtag } = headers
    res.writeHead(404, { ...withoutEtag, 'cache-control': 'no-cache', vary: 'Accept-Encoding, Accept-Language' }).end(req.method === 'HEAD' ? undefined : body)
  }

  return { answerHit, answer }
}

/** Where Next's server (main.ts) tells the front which site cache tags a page was rendered from. */
const pageTagsHeader = 'x-lagon-tags'

/** Next's per-request metadata, where a platform asks to see each page's cache entry (`onCacheEntry`). */
const nextRequestMeta = Symbol.for('NextInternalRequestMeta')

type CacheEntry = { value?: { headers?: Record<string, unknown> } } | null

/**
 * Next 16 knows the cache tags each page was rendered from (those of its `unstable_cache` reads)
 * and keeps them with the page (`x-next-cache-tags`), but sends them only to the platforms that
 * run it in "minimal mode". It shows the cache entry to a platform's `onCacheEntry` callback
 * before answering: Next's own server for the front (main.ts) passes the site's tags on in a
 * header, which the front strips.
 */
export const tagPagesFromNext = (req: IncomingMessage, res: ServerResponse): void => {
  const holder = req as unknown as Record<symbol, Record<string, unknown> | undefined>
  const meta = (holder[nextRequestMeta] ??= {})
  meta.onCacheEntry = (entry: CacheEntry) => {
    const tags = entry?.value?.headers?.['x-next-cache-tags']
    if (typeof tags === 'string' && !res.headersSent) res.setHeader(pageTagsHeader, tags.split(',').filter(isSiteTag).join(','))
    // Not handled here: Next goes on and answers.
    return false
  }
}

/** Which kept pages are fresh is a few bytes each; this many are remembered at most. */
const maxFreshMarks = 100_000

/** Kept pages wait for Brotli's best quality until no render has run for this long; at most this many wait (their paths). */
const recompressIdleMs = 250
const maxRecompressQueued = 10_000

/** Every copy kept of a page, as SITE_PAGE_CACHE_MB counts them. */
const pageBytes = ({ variants }: CachedPage): number => variants.br.body.length + variants.gzip.body.length + (variants.identity?.body.length ?? 0)

/** The 404 page itself (`/fr/404`): a 404 too, so that no one indexes or links it as a page. */
const notFoundPagePath = new RegExp(`^/${prefixShape}/404$`)
const isNotFoundPage = (path: string): boolean => path.endsWith('/404') && notFoundPagePath.test(path)

/** The request's locale: its prefix, or for an unknown one the reader's language. */
const localeOf = (req: IncomingMessage): Locale => {
  const prefix = readerPath.exec(req.url ?? '')?.[1]
  return localeOfPrefix(prefix) ?? negotiateLocale(req.headers['accept-language'] ?? null)
}

/** What Next 16 sends for a not-found page under one of several root layouts: no content without its runtime. */
const isEmptyErrorShell = (body: Buffer): boolean => body.includes('<html id="__next_error__">')

/** A complete, public page: rendered or served from Next's cache, not stale, not personal. */
const isCacheable = ({ status, headers }: Fetched): boolean =>
  status === 200 &&
  String(headers['content-type']).startsWith('text/html') &&
  headers['set-cookie'] === undefined &&
  headers['x-nextjs-cache'] !== 'STALE' &&
  !/\b(?:private|no-store|no-cache)\b/.test(String(headers['cache-control'] ?? 'no-cache'))

/**
 * Next is asked with nothing of the reader's (no cookies, no Host): the answer may be shared by
 * every reader waiting for the same page, and must be the same for all of them.
 */
const get = (agent: http.Agent, url: string, timeoutMs: number): Promise<Fetched> =>
  new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { 'accept-encoding': 'identity' } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        clearTimeout(deadline)
        resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) })
      })
      response.on('error', reject)
    })
    // The whole answer, not each read: a render that flushed its head and then hung counts too.
    const deadline = setTimeout(() => request.destroy(new RenderTimeout(new URL(url).pathname, timeoutMs)), timeoutMs)
    request.on('error', (error) => {
      clearTimeout(deadline)
      reject(error)
    })
  })

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/** Next's headers that describe its own response, its client runtime or the connection, not the page. */
const notForwarded = /^(?:content-length|content-encoding|transfer-encoding|connection|keep-alive|date|etag|vary|cache-control|set-cookie|x-nextjs-.*|x-next-.*|x-lagon-tags)$/

/**
 * Brotli's quality for the first copy of a page, and for the copy kept once the server has time.
 * On a 10 KB guide page, quality 11 takes about 25 ms (half a cold render's budget) for 1,965
 * bytes; quality 5 takes 0.3 ms for 2,278.
 */
const brotliQuality = { first: 5, kept: 11 }

const brotliAt = (identity: Buffer, quality: number) =>
  brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } })

/**
 * A response's headers as `writeHead` takes them fastest (name, value pairs), with the same outcome
 * as `setHeader` for each of `first` and then `writeHead(status, then)`: a name in both is sent once,
 * with its value in `then`.
 */
const headerPairs = (first: Readonly<Record<string, string>>, then: OutgoingHttpHeaders): string[] => {
  const merged = new Map<string, [string, string]>()
  for (const headers of [first, then]) {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) merged.set(name.toLowerCase(), [name, String(value)])
  }
  return [...merged.values()].flat()
}

/**
 * A kept page's bytes in memory of their own. Node cuts Buffers under 4 KB (a guide's Brotli and
 * gzip copies, 2–3 KB) out of shared 8 KB slabs, and one kept slice keeps its whole slab alive:
 * up to 16 KB for the 5 KB that SITE_PAGE_CACHE_MB counts.
 */
const unpooled = (buffer: Buffer): Buffer => {
  // A buffer that owns all of its memory (a large page's identity bytes) holds no slab: kept as is.
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) return buffer
  const own = Buffer.allocUnsafeSlow(buffer.length)
  buffer.copy(own)
  return own
}

const compressed = async (identity: Buffer, nextHeaders: IncomingHttpHeaders, siteHeaders: Readonly<Record<string, string>>): Promise<CachedPage> => {
  const [br, gz] = await Promise.all([brotliAt(identity, brotliQuality.first), gzipped(identity, { level: 9 })])
  const etag = strongEtag(identity)
  const common: OutgoingHttpHeaders = {
    ...Object.fromEntries(Object.entries(nextHeaders).filter(([name]) => !notForwarded.test(name))),
    'cache-control': cacheControl,
    vary: 'Accept-Encoding',
    etag,
  }
  const hitHeaders = { ...siteHeaders, 'x-lagon-cache': 'HIT' }
  const variant = (body: Buffer, encoding: Encoding): Variant => {
    const headers = { ...common, 'content-length': body.length, ...(encoding !== 'identity' && { 'content-encoding': encoding }) }
    return { body: unpooled(body), headers, hit: headerPairs(hitHeaders, headers) }
  }
  const variants: CachedPage['variants'] = { br: variant(br, 'br'), gzip: variant(gz, 'gzip') }
  const notModified = { 'cache-control': cacheControl, vary: 'Accept-Encoding', etag }
  // Closures below keep the gzip copy, not `identity`: the uncompressed bytes stay only if a client asks for them.
  const uncompressed = () => variants.identity?.body ?? gunzipSync(variants.gzip.body)
  let recompressed = false
  return {
    etag,
    variants,
    notModified,
    notModifiedHit: headerPairs(hitHeaders, notModified),
    // The same page, smaller: the ETag stays, whichever copy a client got. Once per page.
    recompress: async () => {
      if (recompressed) return
      recompressed = true
      variants.br = variant(await brotliAt(uncompressed(), brotliQuality.kept), 'br')
    },
    identity: () => (variants.identity ??= variant(uncompressed(), 'identity')),
  }
}

const relay = (req: IncomingMessage, res: ServerResponse, { status, headers, body }: Fetched): void => {
  const forwarded = Object.entries(headers).filter(([name]) => !/^(?:connection|keep-alive|transfer-encoding|x-lagon-tags)$/.test(name))
  res.writeHead(status, Object.fromEntries(forwarded)).end(req.method === 'HEAD' ? undefined : body)
}

const matches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')

/** Browsers send the same few Accept-Encoding values: each is read once (a bounded memo). */
const encodingOf = new Map<string, Encoding>()
const maxEncodingsKnown = 256

const preferredEncoding = (acceptEncoding: string | undefined): Encoding => {
  if (!acceptEncoding) return 'identity'
  let encoding = encodingOf.get(acceptEncoding)
  if (encoding === undefined) {
    if (encodingOf.size >= maxEncodingsKnown) encodingOf.clear()
    encodingOf.set(acceptEncoding, (encoding = negotiatedEncoding(acceptEncoding)))
  }
  return encoding
}

/** Brotli, else gzip, else none, unless the client refuses it with `q=0`. */
const negotiatedEncoding = (acceptEncoding: string): Encoding => {
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !q || Number(q.trim().slice(2)) > 0)
      .map(([name]) => name),
  )
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : 'identity'
}
