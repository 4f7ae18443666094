import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { afterCommit } from '@/freshness/afterCommit'
import { expireEverywhere } from '@/freshness/expire'
import { tags } from '@/site/tags'

/**
 * The API keeps the keys it looked up (src/api/apiKeyLookup.ts): any committed write to a key
 * (made, edited, revoked, deleted) makes every instance look keys up again, before the write's
 * own response, so a revoked key is refused from the next request on. Attribution counters are
 * written in SQL, not through here.
 */
const forget = (req: PayloadRequest) => afterCommit(req, () => expireEverywhere(req.payload, [tags.apiKeys]))

export const forgetKeyLookupsAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await forget(req)
  return doc
}

export const forgetKeyLookupsAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await forget(req)
  return doc
}
