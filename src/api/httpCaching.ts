import { createHash } from 'node:crypto'

/**
 * Browsers revalidate every time (max-age=0, cheap with the ETag: a 304 without a body); a CDN
 * keeps a response 60 s and may serve it 30 s more while it refetches. Lagon cannot purge a CDN,
 * so 60 s is how long a publish, an unpublish or a deletion can take to show at the edge (90 s at
 * worst, for one request); Lagon's own cache of public reads is invalidated at once.
 */
export const publicCacheControl = 'public, max-age=0, s-maxage=60, stale-while-revalidate=30'

/**
 * A `read` key's answer is the anonymous one, but a shared cache would key it on the key
 * (Vary: Authorization) and go on serving it for s-maxage after the key is revoked: the client
 * may keep it and revalidate (a 304 costs nothing), no one else.
 */
export const keyedCacheControl = 'private, no-cache'

/** Anything that depends on who asks, or shows drafts: no cache anywhere may keep it. */
export const privateCacheControl = 'private, no-store'

/**
 * The same URL answers a signed-in editor with drafts, and CORS headers depend on the Origin: a
 * shared cache must key on them, and not hand the public answer to a signed-in client.
 */
export const apiVary = 'Authorization, Cookie, Origin'

/** A strong validator: the body's own hash, so two servers give the same bytes the same tag. */
export const strongEtag = (body: Uint8Array | string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): a W/ prefix does not matter. */
export const matchesEtag = (ifNoneMatch: string | null, etag: string): boolean => {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/**
 * The ETag of one revision of one document (every locale's): what a staff or key's REST read by id
 * carries, and what a save's `If-Match` names. Not the body's hash: the same revision read in
 * another locale or depth is the same document to save over.
 */
export const revisionEtag = (collection: string, id: number | string, revision: number): string =>
  strongEtag(new TextEncoder().encode(`${collection}/${id}/${revision}`))

/** If-Match uses the strong comparison (RFC 9110 §13.1.1): a weak tag never matches. */
export const matchesIfMatch = (ifMatch: string, etag: string): boolean =>
  ifMatch.trim() === '*' || ifMatch.split(',').some((tag) => tag.trim() === etag)
