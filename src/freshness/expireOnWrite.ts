import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { afterCommit } from './afterCommit'
import { expireEverywhere } from './expire'

/**
 * Hooks that expire `tags` on every instance once a write to the collection has committed (any
 * create, update or delete), before the write's own response: for what Lagon keeps of a
 * collection that is not public content (public collections use src/freshness/hooks.ts, which
 * expires only what a change touched).
 */
export const expireOnWrite = (tags: string[]): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } => {
  const expire = (req: PayloadRequest) => afterCommit(req, () => expireEverywhere(req.payload, tags))
  return {
    afterChange: async ({ doc, req }) => {
      await expire(req)
      return doc
    },
    afterDelete: async ({ doc, req }) => {
      await expire(req)
      return doc
    },
  }
}
