import type { SanitizedConfig } from 'payload'

import { documentedCollections } from '@/openapi/document'

/**
 * The list, by-id and count endpoints of the collections anonymous readers may read (those of the
 * public API, `custom.publicApi`; published documents only, see src/access): the public reads
 * that CDNs and Lagon's own cache may keep.
 */
const publicReadPaths = new WeakMap<SanitizedConfig, RegExp>()
const publicReadPath = (config: SanitizedConfig): RegExp => {
  let path = publicReadPaths.get(config)
  if (!path) {
    const slugs = documentedCollections(config).map((collection) => collection.slug)
    path = new RegExp(`^/api/(${slugs.join('|')})(/\\d+|/count)?$`)
    publicReadPaths.set(config, path)
  }
  return path
}

/** Credentials Payload reads: an Authorization header (JWT or API key), or its session cookie. */
export const carriesCredentials = (request: Request, cookiePrefix: string): boolean =>
  request.headers.has('authorization') ||
  (request.headers.get('cookie') ?? '').split(';').some((cookie) => cookie.trim().startsWith(`${cookiePrefix}-token=`))

/**
 * A read whose answer is the same for every reader: a GET of published content without
 * `draft=true`. Who may share it (anonymous clients, `read` keys; not wrong credentials: Payload
 * then answers as to anyone, but the client meant to be someone) is src/api/readers.ts's to say.
 */
export const isPublicRead = (request: Request, url: URL, config: SanitizedConfig): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') && publicReadPath(config).test(url.pathname) && url.searchParams.get('draft') !== 'true'

/** Files are served by Payload's own handler, with its own caching headers; Lagon leaves them alone. */
export const isFileDownload = (url: URL): boolean => /^\/api\/[^/]+\/file\//.test(url.pathname)


const documentPaths = new WeakMap<SanitizedConfig, RegExp>()

/**
 * A create or an update of a collection's documents (`POST /api/tips`, `PATCH /api/tips/7`, a bulk
 * `PATCH /api/tips?where=…`): Payload reads its data from JSON or a multipart form only, and a body
 * of any other type reaches its hooks as no data at all (a 500).
 */
export const writesDocuments = (request: Request, url: URL, config: SanitizedConfig): boolean => {
  if (request.method !== 'POST' && request.method !== 'PATCH' && request.method !== 'PUT') return false
  let path = documentPaths.get(config)
  if (!path) {
    path = new RegExp(`^/api/(${config.collections.map((collection) => collection.slug).join('|')})(/\\d+)?$`)
    documentPaths.set(config, path)
  }
  return path.test(url.pathname)
}
