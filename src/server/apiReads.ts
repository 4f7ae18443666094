import { existsSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import { isIPv6 } from 'node:net'
import path from 'node:path'

// Next's own internals, from the Next that serves the build (CommonJS files without an exports map: required, not imported).
const nextRequire = createRequire(import.meta.url)
const { NEXT_ROUTER_PREFETCH_HEADER, NEXT_ROUTER_SEGMENT_PREFETCH_HEADER, NEXT_ROUTER_STATE_TREE_HEADER, RSC_HEADER } = nextRequire(
  'next/dist/client/components/app-router-headers',
) as Record<string, string>
const { releaseCompressionStream } = nextRequire('next/dist/server/lib/release-compression-stream') as { releaseCompressionStream: (res: ServerResponse) => void }
const compression = nextRequire('next/dist/compiled/compression') as () => (req: IncomingMessage, res: ServerResponse, next: () => void) => void
/** Deletes the headers Next keeps for itself (`x-middleware-*`, `x-matched-path`…) from a request, as Next's router does. */
const { filterInternalHeaders } = nextRequire('next/dist/server/lib/server-ipc/utils') as { filterInternalHeaders: (headers: IncomingMessage['headers']) => void }

type RouteHandler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
type RouteModule = { ensureUserland?: () => Promise<void>; userland: { GET?: RouteHandler } }

/** Next's route of the REST API (src/app/(payload)/api/[...slug]/route.ts), as built. */
const restRoute = '/(payload)/api/[...slug]/route'

/**
 * A REST read as Next would route it to that route, unchanged on its way: a GET of `/api/…` whose
 * segments need no decoding and no normalizing (no percent sign, dot, empty segment or trailing
 * slash: Next redirects or decodes those), without the headers Next's router reads for itself
 * (its client router's and server actions') and outside src/proxy.ts's matcher. Anything else goes to Next.
 */
const plainApiPath = /^\/api(?:\/[A-Za-z0-9_-]+)+(?:\?|$)/
const nextOwnHeaders = ['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url']

/** The Vary Next's server sets on every app route's answer, before the route runs (base-server's setVaryHeader). */
const nextVary = `${RSC_HEADER}, ${NEXT_ROUTER_STATE_TREE_HEADER}, ${NEXT_ROUTER_PREFETCH_HEADER}, ${NEXT_ROUTER_SEGMENT_PREFETCH_HEADER}`

/** Response headers that may be sent more than once, as Next's sendResponse lets them. */
const repeatable = new Set(['set-cookie', 'www-authenticate', 'proxy-authenticate', 'vary'])
/** What Next's sendResponse drops: Node frames the body itself. */
const framing = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'x-middleware-set-cookie'])

type ManifestRule = { regex?: string; internal?: boolean }
type RoutesManifest = {
  headers?: ManifestRule[]
  redirects?: ManifestRule[]
  rewrites?: ManifestRule[] | { beforeFiles?: ManifestRule[]; afterFiles?: ManifestRule[]; fallback?: ManifestRule[] }
}

/** Whether next.config's headers, redirects or rewrites (Next's own internal ones aside) apply to `pathname`. */
const nextRulesFor = (buildDir: string, pathname: string): boolean => {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, 'routes-manifest.json'), 'utf8')) as RoutesManifest
  const rewrites = Array.isArray(manifest.rewrites) ? manifest.rewrites : Object.values(manifest.rewrites ?? {}).flat()
  return [...(manifest.headers ?? []), ...(manifest.redirects ?? []), ...rewrites].some(
    (rule) => !rule.internal && rule.regex !== undefined && new RegExp(rule.regex).test(pathname),
  )
}

type ProxyMatcher = { regexp: string; has?: { type: string; key: string }[] }
type FunctionsManifest = { functions?: Record<string, { matchers?: ProxyMatcher[] }> }

/**
 * The query parameters that make src/proxy.ts (Next's middleware) run for `pathname`, from its
 * matchers as built; undefined when it runs for that path whatever the query.
 */
const proxyQueryKeys = (serverDir: string, pathname: string): string[] | undefined => {
  const file = path.join(serverDir, 'functions-config-manifest.json')
  const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FunctionsManifest) : {}
  const keys: string[] = []
  for (const matcher of manifest.functions?.['/_middleware']?.matchers ?? []) {
    if (!new RegExp(matcher.regexp).test(pathname)) continue
    const queries = (matcher.has ?? []).filter((condition) => condition.type === 'query')
    if (queries.length === 0) return undefined
    keys.push(...queries.map((condition) => condition.key))
  }
  return keys
}

type ApiReadsSettings = { dir: string; distDir: string; hostname: string; port: number; compress: boolean }

/**
 * Reads of the REST API answered by the API's own route handler (withApiPolicy around Payload's
 * REST_GET) called from Lagon's front, without Next's request pipeline around it: its router
 * (matching, header rules, the proxy's matcher), the route module's per-request stores and the
 * web-stream copy of the answer, about a tenth of a read's time (bench/README.md, "Content API").
 * The handler is the very function Next calls, taken from the build Next serves (the same module
 * in the same process): the policy, Payload, the caches and the hooks are the same code with the
 * same state. What Next gives a route handler is given the same way: the URL Next makes
 * (`http(s)://HOSTNAME:PORT/path`), the `x-forwarded-*` headers it fills in, its internal headers
 * deleted, `params.slug`; the answer is written as Next's sendResponse writes it (its headers after
 * the front's own security headers, those already set kept, Next's Vary first, compressed by
 * Next's own middleware), an error logged and answered 500 with no body. Writes, HEAD, GraphQL,
 * files and any path Next would normalize stay with Next.
 */
export const apiReads = ({ dir, distDir, hostname, port, compress }: ApiReadsSettings) => {
  const require = createRequire(path.join(dir, 'package.json'))
  // Next's router compresses its answers with this middleware (next.config `compress`, on by default).
  const compressed = compress ? compression() : undefined
  const serverDir = path.join(dir, distDir, 'server')
  const routes = JSON.parse(readFileSync(path.join(serverDir, 'app-paths-manifest.json'), 'utf8')) as Record<string, string>
  // Other routes under /api (GraphQL, its playground), in any route group, are Next's to match first.
  const otherApiRoutes = new Set(
    Object.keys(routes)
      .filter((route) => route !== restRoute)
      .map((route) => route.split('/').filter((segment) => segment && !/^\(.*\)$/.test(segment)))
      .filter((segments) => segments[0] === 'api' && segments[1] !== undefined)
      .map((segments) => segments[1]!),
  )
  const file = routes[restRoute]
  if (!file) throw new Error(`lagon: the build has no ${restRoute}`)
  // Rules of next.config for /api, or an instrumentation hook (which Next runs before a route's first request), are Next's to apply.
  const instrumented = existsSync(path.join(serverDir, 'instrumentation.js'))
  // src/proxy.ts runs for a path with a `choose` parameter (its matcher): such requests go to Next.
  const proxyKeys = proxyQueryKeys(serverDir, '/api/articles')
  const bypassable = !instrumented && proxyKeys !== undefined && !nextRulesFor(path.join(dir, distDir), '/api/articles')
  if (!bypassable) console.warn('lagon: next.config has rules for /api, src/proxy.ts runs for it, or the build has an instrumentation hook: every API request goes through Next')
  const proxied = (url: string): boolean => {
    const query = url.indexOf('?')
    if (query < 0 || !proxyKeys?.length) return false
    const params = new URLSearchParams(url.slice(query + 1))
    return proxyKeys.some((key) => params.has(key))
  }
  let handler: RouteHandler | undefined
  const load = async (): Promise<RouteHandler> => {
    const { routeModule } = require(path.join(serverDir, file)) as { routeModule: RouteModule }
    await routeModule.ensureUserland?.()
    const get = routeModule.userland.GET
    if (!get) throw new Error(`lagon: ${restRoute} has no GET`)
    return (handler = get)
  }
  const host = isIPv6(hostname) ? `[${hostname}]` : hostname

  const takes = (req: IncomingMessage): boolean =>
    bypassable &&
    req.method === 'GET' &&
    plainApiPath.test(req.url ?? '') &&
    !otherApiRoutes.has(req.url!.split(/[/?]/)[2]!) &&
    !proxied(req.url!) &&
    !nextOwnHeaders.some((name) => req.headers[name] !== undefined)

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const get = handler ?? (await load())
    if (compressed) {
      compressed(req, res, () => {})
      // As Next's router does: a client gone before the end would leave the zlib stream open.
      res.once('close', () => releaseCompressionStream(res))
    }
    res.appendHeader('vary', nextVary)
    const incoming = req.headers
    filterInternalHeaders(incoming)
    incoming['x-forwarded-host'] ??= incoming.host ?? hostname
    incoming['x-forwarded-port'] ??= String(port)
    incoming['x-forwarded-proto'] ??= 'http'
    const headers = new Headers()
    for (const [name, value] of Object.entries(incoming)) {
      if (Array.isArray(value)) for (const each of value) headers.append(name, each)
      else if (value !== undefined) headers.append(name, value)
    }
    const protocol = String(incoming['x-forwarded-proto']).includes('https') ? 'https' : 'http'
    const url = new URL(req.url!, `${protocol}://${host}:${port}`)
    const slug = url.pathname.split('/').slice(2)
    let response: Response
    try {
      response = await get(new Request(url, { method: 'GET', headers }), { params: Promise.resolve({ slug }) })
    } catch (error) {
      console.error(error)
      if (!res.headersSent) res.writeHead(500)
      res.end()
      return
    }
    res.statusCode = response.status
    res.statusMessage = response.statusText
    response.headers.forEach((value, name) => {
      if (framing.has(name)) return
      // (Each Set-Cookie comes on its own.)
      if (name === 'set-cookie') res.appendHeader(name, value)
      else if (repeatable.has(name) || res.getHeader(name) === undefined) res.appendHeader(name, value)
    })
    // Written as Next's pipeToNodeResponse writes it: the body's bytes, then the end; the length
    // unknown when the headers go (chunked, and compressed whatever its size).
    const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined
    if (body?.length) res.write(body)
    res.end()
  }

  return { takes, answer }
}
