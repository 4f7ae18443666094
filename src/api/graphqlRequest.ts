import { createHash } from 'node:crypto'

import { isRecord } from '@/lib/isRecord'

import type { CheckedBody } from './jsonBody'
import type { Problem } from './problems'

/** A GraphQL request as GraphQL over HTTP defines it, once read from a GET's query string or a POST's body. */
export type GraphQLParams = { query?: unknown; variables?: unknown; operationName?: unknown }

export type GraphQLRequest =
  | {
      params: GraphQLParams
      /** What Payload's handler reads: the POST it takes, with the document a persisted query names. */
      request: Request
      /** Sent as a GET (a CDN may keep the answer; a mutation is refused). */
      viaGet: boolean
      /** Keeps a newly persisted query, once the document has passed the API's checks. */
      remember: () => void
    }
  | { status: number; problems: Problem[] }
  | { answer: Response }

/** The parameters of a GraphQL GET: everything else in the query string (`locale`…) is Payload's. */
const graphqlParameters = ['query', 'variables', 'operationName', 'extensions'] as const

/**
 * Automatic persisted queries (Apollo's protocol): a client sends
 * `extensions.persistedQuery = { version: 1, sha256Hash }` without the document; an instance that
 * does not know the hash answers `PersistedQueryNotFound`, and the client sends the document with
 * its hash once, which the instance keeps. Kept in memory, per instance (another instance asks
 * for the document once in turn), the least recently used forgotten first.
 */
const persisted = new Map<string, string>()
const maxPersisted = 1_000
/** A larger document is run but not kept: a thousand of these stay under 64 MB. */
const maxPersistedLength = 64 * 1024

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

const persistedQuery = (hash: string): string | undefined => {
  const query = persisted.get(hash)
  if (query !== undefined) {
    persisted.delete(hash)
    persisted.set(hash, query)
  }
  return query
}

const persist = (hash: string, query: string): void => {
  if (query.length > maxPersistedLength) return
  persisted.delete(hash)
  persisted.set(hash, query)
  if (persisted.size > maxPersisted) persisted.delete(persisted.keys().next().value!)
}

/** As Apollo Server answers it: a 200 whose error the client's link recognizes, then resends with the document. */
const persistedQueryNotFound = (): Response =>
  Response.json({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }, { status: 200 })

const jsonParameter = (url: URL, name: string): { value?: unknown; problem?: Problem } => {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return {}
  try {
    return { value: JSON.parse(raw) }
  } catch {
    return { problem: { path: name, message: `${name}: expected JSON (URL-encoded), as in ${name}=${encodeURIComponent('{"…":…}')}` } }
  }
}

const isObject = isRecord

/**
 * Reads a GraphQL request sent as a POST (a JSON body) or a GET (`query`, `variables`,
 * `operationName`, `extensions` in the query string, JSON-encoded where they are objects), and
 * resolves a persisted query's hash to its document. Gives back the POST Payload's handler reads,
 * or the problem (400, 415), or the PersistedQueryNotFound answer.
 */
export const readGraphQLRequest = (body: CheckedBody): GraphQLRequest => {
  const { request } = body
  const url = new URL(request.url)
  const viaGet = request.method === 'GET' || request.method === 'HEAD'
  let params: GraphQLParams & { extensions?: unknown }
  if (viaGet) {
    const variables = jsonParameter(url, 'variables')
    const extensions = jsonParameter(url, 'extensions')
    const problems = [variables.problem, extensions.problem].filter((problem): problem is Problem => problem !== undefined)
    if (problems.length > 0) return { status: 400, problems }
    params = {
      query: url.searchParams.get('query') ?? undefined,
      variables: variables.value,
      operationName: url.searchParams.get('operationName') ?? undefined,
      extensions: extensions.value,
    }
  } else {
    if (body.text === undefined) {
      return { status: 415, problems: [{ path: 'body', message: 'body: a GraphQL request is JSON (Content-Type: application/json) with a query' }] }
    }
    params = isObject(body.json) ? body.json : {}
  }

  let remember = () => {}
  let resolved = false
  const persistence = isObject(params.extensions) ? params.extensions.persistedQuery : undefined
  if (persistence !== undefined) {
    const { version, sha256Hash } = (isObject(persistence) ? persistence : {}) as { version?: unknown; sha256Hash?: unknown }
    if (version !== 1) return { status: 400, problems: [{ path: 'extensions.persistedQuery.version', message: 'extensions.persistedQuery.version: only version 1 is supported' }] }
    if (typeof sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(sha256Hash)) {
      return { status: 400, problems: [{ path: 'extensions.persistedQuery.sha256Hash', message: 'extensions.persistedQuery.sha256Hash: expected the SHA-256 of the query, 64 lowercase hex digits' }] }
    }
    if (typeof params.query === 'string') {
      if (sha256(params.query) !== sha256Hash) return { status: 400, problems: [{ path: 'extensions.persistedQuery.sha256Hash', message: 'extensions.persistedQuery.sha256Hash: provided sha does not match query' }] }
      const query = params.query
      remember = () => persist(sha256Hash, query)
    } else {
      const query = persistedQuery(sha256Hash)
      if (query === undefined) return { answer: persistedQueryNotFound() }
      params = { ...params, query }
      resolved = true
    }
  }

  if (!viaGet && !resolved) return { params, request, viaGet, remember }
  // Payload's handler reads POSTs: the same operation, as one.
  for (const name of graphqlParameters) url.searchParams.delete(name)
  const headers = new Headers(request.headers)
  headers.set('content-type', 'application/json')
  headers.delete('content-length')
  const { query, variables, operationName } = params
  return {
    params: { query, variables, operationName },
    request: new Request(url, { method: 'POST', headers, body: JSON.stringify({ query, variables, operationName }), signal: request.signal }),
    viaGet,
    remember,
  }
}
