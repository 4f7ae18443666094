import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { afterCommit } from '@/lib/afterCommit'

import { forgetPublicReads } from '../publicReadCache'

/**
 * Forgotten now, and again once the write commits: a public read between this hook and the commit
 * would see the old row and keep it under the new generation.
 */
const forget = async (req: PayloadRequest): Promise<void> => {
  forgetPublicReads()
  await afterCommit(req, forgetPublicReads)
}

/** Any write to public content may change what a public read returns (see forgetPublicReads). */
export const forgetPublicReadsAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await forget(req)
  return doc
}

export const forgetPublicReadsAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await forget(req)
  return doc
}
