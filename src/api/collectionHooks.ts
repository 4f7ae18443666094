import type { CollectionConfig, Payload } from 'payload'

import { checkReadArguments } from './hooks/checkReadArguments'
import { forgetPublicReadsAfterChange, forgetPublicReadsAfterDelete } from './hooks/forgetPublicReadsOnChange'
import { rejectMistypedData } from './hooks/rejectMistypedData'
import { forgetPublicReads, transactionsChangingPublicReads } from './publicReadCache'

/**
 * The API's hooks, added to every collection in payload.config.ts so that a collection added
 * later cannot be forgotten: strict read arguments and typed data everywhere, and for the
 * collections of the public API (`custom.publicApi`, whose documents populate one another) the
 * cache of public reads forgotten on every change. Other collections' writes (accounts, keys,
 * webhook deliveries, the admin's preferences and locks) never reach a public answer, and leave
 * the cache alone. They run first (strict checks) and last (after every other hook has had its
 * say on the document).
 */
export const withApiHooks = (collection: CollectionConfig): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  const isPublic = collection.custom?.publicApi === true
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [checkReadArguments, ...(hooks.beforeOperation ?? [])],
      beforeValidate: [rejectMistypedData, ...(hooks.beforeValidate ?? [])],
      afterChange: [...(hooks.afterChange ?? []), ...(isPublic ? [forgetPublicReadsAfterChange] : [])],
      afterDelete: [...(hooks.afterDelete ?? []), ...(isPublic ? [forgetPublicReadsAfterDelete] : [])],
    },
  }
}

/**
 * afterChange runs inside the write's transaction: a public read between the hook and the commit
 * would see the old row and cache it under the new generation. Forgetting again once a
 * transaction that changed public content commits closes that window.
 */
export const forgetPublicReadsOnCommit = (payload: Payload): void => {
  const { commitTransaction, rollbackTransaction } = payload.db
  payload.db.commitTransaction = async (id) => {
    await commitTransaction.call(payload.db, id)
    if (transactionsChangingPublicReads.delete(await id)) forgetPublicReads()
  }
  payload.db.rollbackTransaction = async (id) => {
    transactionsChangingPublicReads.delete(await id)
    await rollbackTransaction.call(payload.db, id)
  }
}
