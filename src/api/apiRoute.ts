import { getPayload, headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'

import { collectingReadTags } from '@/freshness/readTags'
import { expiryClock } from '@/freshness/taggedStore'
import { localeCodes } from '@/lib/locales'
import { tags, type PublicCollection } from '@/site/tags'
import { databaseUnavailableBody, isDatabaseUnavailable, retryAfterSeconds } from '@/db/availability'

import { clientAddress } from './clientAddress'
import { apiVary, matchesEtag, privateCacheControl, publicCacheControl, strongEtag } from './httpCaching'
import { graphqlCostProblems } from './graphqlCost'
import { checkJsonBody } from './jsonBody'
import { problemResponse, type Problem } from './problems'
import { cachedPublicRead, storePublicRead, type CachedRead } from './publicReadCache'
import { graphqlCapProblems, restCapProblems } from './publicCaps'
import { carriesCredentials, isFileDownload, isPublicRead, writesDocuments } from './publicReads'
import { createSharedRateLimiter, rateLimitHeaders } from './rateLimit'
import { readApiSettings, type ApiSettings } from './settings'
import { parseQuery, pathProblems, queryProblems } from './strictQuery'

type Handler<Context> = (request: Request, context: Context) => Promise<Response>

type Policy = { settings: ApiSettings; limit: ReturnType<typeof createSharedRateLimiter> }

const policyKey = Symbol.for('lagon.apiPolicy')

/** Made on the first request, from the environment then; shared by every route (see publicReadCache). */
const policy = (config: SanitizedConfig): Policy => {
  const global = globalThis as Record<symbol, Policy | undefined>
  if (!global[policyKey]) {
    const settings = readApiSettings()
    const pool = async () => (await getPayload({ config })).db.pool
    global[policyKey] = { settings, limit: createSharedRateLimiter({ limit: settings.rateLimit, windowSeconds: settings.rateLimitWindowSeconds, pool }) }
  }
  return global[policyKey]
}

/** Payload's CORS headers for this request's Origin, for the responses Lagon makes itself. */
const withCors = (headers: Headers, request: Request, config: SanitizedConfig): Headers =>
  headersWithCors({ headers, req: { payload: { config }, headers: request.headers } as unknown as PayloadRequest })

/** No credentials, or credentials Payload does not accept (which it would answer as to anyone). */
const isAnonymous = async (request: Request, config: SanitizedConfig): Promise<boolean> => {
  if (!carriesCredentials(request, config.cookiePrefix)) return true
  const payload = await getPayload({ config })
  return !(await payload.auth({ headers: request.headers })).user
}

const answer = (body: BodyInit | null, status: number, headers: Headers) => new Response(body, { status, headers })

const publicAnswer = (read: CachedRead, request: Request, headers: Headers): Response => {
  headers.set('Cache-Control', publicCacheControl)
  headers.set('ETag', read.etag)
  headers.set('Content-Type', read.contentType)
  if (matchesEtag(request.headers.get('if-none-match'), read.etag)) return answer(null, 304, headers)
  return answer(request.method === 'HEAD' ? null : (read.body as Uint8Array<ArrayBuffer>), 200, headers)
}

/** Payload's response with Lagon's headers added; its own headers win, except caching. */
const relayed = (response: Response, headers: Headers): Response => {
  const merged = new Headers(response.headers)
  headers.forEach((value, name) => merged.set(name, value))
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged })
}

/**
 * A list or count may change with any publication in its collection (a document appearing or
 * going), in any locale: through fallbacks a locale's list shows the others' documents.
 */
const listTags = (url: URL): string[] => {
  const [, , collection, id] = url.pathname.split('/')
  return id === undefined || id === 'count' ? localeCodes.map((locale) => tags.lists(collection as PublicCollection, locale)) : []
}

/**
 * The public API's rules around Payload's route handlers (REST and GraphQL), in order: the rate
 * limit, strict parameters and body, then for anonymous reads of published content the in-process
 * cache, CDN caching headers, a strong ETag and 304s. Everything else is `private, no-store`.
 * A database outage met outside Payload's handler (the shared rate limit, checking credentials)
 * is a 503 too, as Payload's own errors are (answerDatabaseOutage).
 */
export const withApiPolicy =
  <Context>(configPromise: Promise<SanitizedConfig>, handler: Handler<Context>): Handler<Context> =>
  (incoming, context) =>
    policed(configPromise, handler)(incoming, context).catch((error: unknown) => {
      if (!isDatabaseUnavailable(error)) throw error
      return Response.json(databaseUnavailableBody, {
        status: 503,
        headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': privateCacheControl },
      })
    })

const policed =
  <Context>(configPromise: Promise<SanitizedConfig>, handler: Handler<Context>): Handler<Context> =>
  async (incoming, context) => {
    const config = await configPromise
    const headers = new Headers({ Vary: apiVary })
    if (incoming.method === 'OPTIONS') return relayed(await handler(incoming, context), headers)
    const refuse = (status: number, problems: Problem[]) => {
      headers.set('Cache-Control', privateCacheControl)
      return problemResponse(status, problems, withCors(headers, incoming, config))
    }

    const { settings, limit } = policy(config)
    if (settings.rateLimit > 0) {
      const verdict = await limit(clientAddress(incoming.headers, settings.trustedProxies))
      for (const [name, value] of Object.entries(rateLimitHeaders(verdict))) headers.set(name, value)
      if (!verdict.allowed) {
        return refuse(429, [
          { path: 'rate limit', message: `too many requests: ${verdict.limit} per ${verdict.windowSeconds} s from one client; retry in ${verdict.resetSeconds} s` },
        ])
      }
    }

    const badPath = pathProblems(new URL(incoming.url).pathname)
    if (badPath.length > 0) return refuse(400, badPath)
    const body = await checkJsonBody(incoming, settings)
    if (body.problem) return refuse(body.status ?? 400, [body.problem])
    // A POST with X-Payload-HTTP-Method-Override: GET is that GET from here on.
    const request = body.request
    const url = new URL(request.url)
    const isGraphQL = url.pathname.endsWith('/graphql')
    if (isGraphQL && body.text === undefined) {
      return refuse(415, [{ path: 'body', message: 'body: a GraphQL request is JSON (Content-Type: application/json) with a query' }])
    }
    const contentType = request.headers.get('content-type') ?? ''
    if (writesDocuments(request, url, config) && !contentType.includes('json') && !contentType.startsWith('multipart/')) {
      return refuse(415, [{ path: 'body', message: 'body: a document is sent as JSON (Content-Type: application/json) or a multipart form' }])
    }
    // GraphQL reads come as POSTs; its mutations take their locale as an argument, checked by the schema.
    const read = request.method === 'GET' || request.method === 'HEAD' || isGraphQL
    const query = parseQuery(url.search)
    const problems = [...queryProblems(query, { read }), ...(isGraphQL ? graphqlCostProblems(body.json, settings.graphql) : [])]
    if (problems.length > 0) return refuse(400, problems)
    // Credentials are checked only when the caps would refuse: staff's usual requests cost nothing more.
    const caps = isGraphQL ? graphqlCapProblems(body.text!) : read ? restCapProblems(query) : []
    if (caps.length > 0 && (await isAnonymous(request, config))) return refuse(400, caps)

    if (isFileDownload(url)) return relayed(await handler(request, context), headers)
    if (!isPublicRead(request, url, config)) {
      const response = await handler(request, context)
      // An endpoint that set its own caching for anonymous clients (the OpenAPI document) keeps it.
      const ownCaching = response.headers.has('cache-control') && !carriesCredentials(request, config.cookiePrefix)
      if (!ownCaching) headers.set('Cache-Control', privateCacheControl)
      return relayed(response, headers)
    }

    const key = url.pathname + url.search
    const hit = cachedPublicRead(key)
    if (hit) return publicAnswer(hit, request, withCors(headers, request, config))
    const startedAt = expiryClock()
    const { result: response, tags: shown } = await collectingReadTags(() => handler(request, context))
    if (response.status !== 200) {
      headers.set('Cache-Control', privateCacheControl)
      return relayed(response, headers)
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    const fresh: CachedRead = { body: bytes, etag: strongEtag(bytes), contentType: response.headers.get('content-type') ?? 'application/json' }
    storePublicRead(key, fresh, [...listTags(url), ...shown], startedAt, settings.readCacheEntries)
    return publicAnswer(fresh, request, withCors(headers, request, config))
  }
