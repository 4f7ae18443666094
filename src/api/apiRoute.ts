import { getPayload, headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'

import { refusedKeyMessage } from '@/access/apiKeys'
import { collectingReadTags } from '@/freshness/readTags'
import { expiryClock } from '@/freshness/taggedStore'
import { localeCodes } from '@/lib/locales'
import { tags, type PublicCollection } from '@/site/tags'
import { databaseUnavailableBody, isDatabaseUnavailable, retryAfterSeconds } from '@/db/availability'

import { clientAddress } from './clientAddress'
import { apiVary, keyedCacheControl, matchesEtag, privateCacheControl, publicCacheControl, strongEtag } from './httpCaching'
import { graphqlChecks } from './graphqlChecks'
import { parsedDocument } from './graphqlDocument'
import { chosenOperation, graphqlCacheKey, graphqlListTags, reportsErrors } from './graphqlReads'
import { readGraphQLRequest } from './graphqlRequest'
import { checkJsonBody } from './jsonBody'
import { countKeyRequest } from './keyAttribution'
import { errorResponse, problemResponse, type Problem } from './problems'
import { cachedPublicRead, storePublicRead, type CachedRead } from './publicReadCache'
import { restCapProblems } from './publicCaps'
import { carriesCredentials, isFileDownload, isPublicRead, writesDocuments } from './publicReads'
import { createSharedRateLimiter, rateLimitHeaders } from './rateLimit'
import { readerOf } from './readers'
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

/** A kept read: to anonymous clients with CDN caching, to a `read` key for the client alone (see keyedCacheControl). */
const cachedAnswer = (read: CachedRead, request: Request, method: string, headers: Headers, cacheControl: string): Response => {
  headers.set('Cache-Control', cacheControl)
  headers.set('ETag', read.etag)
  headers.set('Content-Type', read.contentType)
  // A POST (GraphQL) is never answered 304 (RFC 9110 §13.1.2): its ETag serves a later GET.
  const conditional = method === 'GET' || method === 'HEAD'
  if (conditional && matchesEtag(request.headers.get('if-none-match'), read.etag)) return answer(null, 304, headers)
  return answer(method === 'HEAD' ? null : (read.body as Uint8Array<ArrayBuffer>), 200, headers)
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
 * limit, strict parameters and body (a GraphQL GET or persisted query read as the POST Payload
 * takes), a refused API key, then for reads of published content by anonymous clients and `read`
 * keys the in-process cache, caching headers, a strong ETag and 304s. Everything else is
 * `private, no-store`.
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
    const isGraphQL = new URL(body.request.url).pathname.endsWith('/graphql')
    // GraphQL comes as a POST or a GET, its document as text or a persisted query's hash (graphqlRequest.ts).
    const graphql = isGraphQL ? readGraphQLRequest(body) : undefined
    if (graphql && 'problems' in graphql) return refuse(graphql.status, graphql.problems)
    if (graphql && 'answer' in graphql) {
      headers.set('Cache-Control', privateCacheControl)
      return relayed(graphql.answer, withCors(headers, incoming, config))
    }
    // A POST with X-Payload-HTTP-Method-Override: GET is that GET from here on, and a GraphQL GET the POST Payload reads.
    const request = graphql?.request ?? body.request
    const url = new URL(request.url)
    const contentType = request.headers.get('content-type') ?? ''
    if (writesDocuments(request, url, config) && !contentType.includes('json') && !contentType.startsWith('multipart/')) {
      return refuse(415, [{ path: 'body', message: 'body: a document is sent as JSON (Content-Type: application/json) or a multipart form' }])
    }
    // GraphQL reads come as POSTs; its mutations take their locale as an argument, checked by the schema.
    const read = request.method === 'GET' || request.method === 'HEAD' || isGraphQL
    const query = parseQuery(url.search)
    const checks = graphql ? graphqlChecks(graphql.params, settings.graphql) : undefined
    const problems = [...queryProblems(query, { read }), ...(checks?.cost ?? [])]
    if (problems.length > 0) return refuse(400, problems)
    // The document parsed above (its cost check refuses one that does not parse).
    const document = graphql ? parsedDocument(graphql.params.query as string, settings.graphql.maxTokens) : undefined
    if (graphql?.viaGet && chosenOperation(document!, graphql.params.operationName)?.operation !== 'query') {
      headers.set('Allow', 'POST')
      return refuse(405, [{ path: 'query', message: 'query: a mutation is sent as a POST' }])
    }
    graphql?.remember()
    const reader = await readerOf(request, config)
    if (reader.kind === 'refused key') {
      // As Payload words its own refusal of a key (src/hooks/checkApiKey.ts), without its database read.
      headers.set('Cache-Control', privateCacheControl)
      return errorResponse(401, refusedKeyMessage, { headers: withCors(headers, request, config) })
    }
    // Credentials are checked only when the caps would refuse: staff's usual requests cost nothing more.
    const caps = checks ? checks.caps : read ? restCapProblems(query) : []
    if (caps.length > 0 && (reader.kind === 'anonymous' || (reader.kind === 'other' && (await isAnonymous(request, config))))) return refuse(400, caps)

    if (isFileDownload(url)) return relayed(await handler(request, context), headers)
    // A `read` key sees what anonymous readers see: the same kept answers (readers.ts).
    const sharedRead = reader.kind === 'anonymous' || reader.kind === 'read key'
    const graphqlLists = graphql && sharedRead ? graphqlListTags(document!, graphql.params.operationName, config) : undefined
    if (!sharedRead || (graphql ? !graphqlLists : !isPublicRead(request, url, config))) {
      const response = await handler(request, context)
      // An endpoint that set its own caching for anonymous clients (the OpenAPI document) keeps it.
      const ownCaching = response.headers.has('cache-control') && !carriesCredentials(request, config.cookiePrefix)
      if (!ownCaching) headers.set('Cache-Control', privateCacheControl)
      return relayed(response, headers)
    }

    // A CDN may keep what anonymous clients get; a key's answer is the client's own (httpCaching.ts).
    const cacheControl = reader.kind === 'read key' ? keyedCacheControl : publicCacheControl
    if (graphql) headers.set('Vary', `${apiVary}, Accept`)
    const key = graphql ? graphqlCacheKey(url, graphql.params, request.headers.get('accept')) : url.pathname + url.search
    const hit = cachedPublicRead(key)
    if (hit) {
      // Payload's hook counts the requests it serves; these it never sees.
      if (reader.kind === 'read key') countKeyRequest((await getPayload({ config })).db.pool, reader.key.id)
      return cachedAnswer(hit, request, body.request.method, withCors(headers, request, config), cacheControl)
    }
    const startedAt = expiryClock()
    const { result: response, tags: shown } = await collectingReadTags(() => handler(request, context))
    if (response.status !== 200) {
      headers.set('Cache-Control', privateCacheControl)
      return relayed(response, headers)
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    if (graphql && reportsErrors(bytes)) {
      headers.set('Cache-Control', privateCacheControl)
      return relayed(new Response(bytes, response), headers)
    }
    const fresh: CachedRead = { body: bytes, etag: strongEtag(bytes), contentType: response.headers.get('content-type') ?? 'application/json' }
    storePublicRead(key, fresh, [...(graphqlLists ?? listTags(url)), ...shown], startedAt, settings.readCache)
    return cachedAnswer(fresh, request, body.request.method, withCors(headers, request, config), cacheControl)
  }
