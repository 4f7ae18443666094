import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { forgetPublicReads, transactionsChangingPublicReads } from '../publicReadCache'

const forget = async (req: PayloadRequest): Promise<void> => {
  forgetPublicReads()
  const transaction = await req.transactionID
  if (transaction !== undefined && transaction !== null) transactionsChangingPublicReads.add(transaction)
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
