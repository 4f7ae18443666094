import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { isApiKey, presentsApiKey, refusedKeyMessage } from '@/access/apiKeys'
import { countKeyRequest } from '@/api/keyAttribution'

/** Requests already counted: one request populating relationships runs many operations. */
const attributed = new WeakSet<PayloadRequest>()

/**
 * A request that presents an API key is served only as that key. Payload treats an unknown key as
 * no key at all, which would hand an integration the anonymous view without telling it; and it
 * knows nothing of revocation. Both are refused here, in every collection's first hook, before access
 * is checked.
 * Each keyed request is counted against its key, in memory, written every few seconds
 * (src/api/keyAttribution.ts; the API route counts the requests it answers from its cache).
 */
export const checkApiKey: CollectionBeforeOperationHook = async ({ args, overrideAccess, req }) => {
  // Server-side work on the request's behalf, such as Payload looking the key up, is not the caller's.
  if (overrideAccess) return args
  const presentsKey = presentsApiKey(req.headers)
  const { user } = req
  if (!presentsKey && !isApiKey(user)) return args
  // A key counts only as itself: not through a token it got from `/api/api-keys/refresh-token`.
  const viaKey = user && '_strategy' in user && user._strategy === 'api-key'
  if (!user || !isApiKey(user) || !viaKey || ('revoked' in user && user.revoked)) {
    throw new APIError(refusedKeyMessage, 401, null, true)
  }
  if (!attributed.has(req)) {
    attributed.add(req)
    countKeyRequest(req.payload.db.pool, user.id as number)
  }
  return args
}
