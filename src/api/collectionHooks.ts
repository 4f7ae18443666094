import type { CollectionConfig, Payload } from 'payload'

import { checkReadArguments } from './hooks/checkReadArguments'
import { forgetPublicReadsAfterChange, forgetPublicReadsAfterDelete } from './hooks/forgetPublicReadsOnChange'
import { rejectMistypedData } from './hooks/rejectMistypedData'
import { forgetPublicReads } from './publicReadCache'

/**
 * The API's hooks, added to every collection in payload.config.ts so that a collection added
 * later cannot be forgotten: strict read arguments, typed data, and the cache of public reads
 * forgotten on every change. They run first (strict checks) and last (after every other hook has
 * had its say on the document).
 */
export const withApiHooks = (collection: CollectionConfig): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [checkReadArguments, ...(hooks.beforeOperation ?? [])],
      beforeValidate: [rejectMistypedData, ...(hooks.beforeValidate ?? [])],
      afterChange: [...(hooks.afterChange ?? []), forgetPublicReadsAfterChange],
      afterDelete: [...(hooks.afterDelete ?? []), forgetPublicReadsAfterDelete],
    },
  }
}

/**
 * afterChange runs inside the write's transaction: a public read between the hook and the commit
 * would see the old row and cache it under the new generation. Forgetting again once the
 * transaction commits closes that window (a commit with nothing public in it only costs a refill).
 */
export const forgetPublicReadsOnCommit = (payload: Payload): void => {
  const commit = payload.db.commitTransaction.bind(payload.db)
  payload.db.commitTransaction = async (id) => {
    await commit(id)
    forgetPublicReads()
  }
}
