import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { afterCommit } from '@/freshness/afterCommit'
import { expireEverywhere } from '@/freshness/expire'
import { tags } from '@/site/tags'

/**
 * Every instance keeps the glossary it read (src/translation/glossary.ts): a committed write to
 * a term makes them all read it again, before the write's own response, so the next save's QA
 * and the next machine translation use the term as it now stands.
 */
const forget = (req: PayloadRequest) => afterCommit(req, () => expireEverywhere(req.payload, [tags.glossary]))

export const forgetKeptGlossaryAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await forget(req)
  return doc
}

export const forgetKeptGlossaryAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await forget(req)
  return doc
}
