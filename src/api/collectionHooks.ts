import type { CollectionConfig } from 'payload'

import { checkReadArguments } from './hooks/checkReadArguments'
import { forgetPublicReadsAfterChange, forgetPublicReadsAfterDelete } from './hooks/forgetPublicReadsOnChange'
import { rejectMalformedData, rejectMistypedData } from './hooks/rejectMistypedData'

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
      beforeOperation: [checkReadArguments, rejectMalformedData, ...(hooks.beforeOperation ?? [])],
      beforeValidate: [rejectMistypedData, ...(hooks.beforeValidate ?? [])],
      afterChange: [...(hooks.afterChange ?? []), ...(isPublic ? [forgetPublicReadsAfterChange] : [])],
      afterDelete: [...(hooks.afterDelete ?? []), ...(isPublic ? [forgetPublicReadsAfterDelete] : [])],
    },
  }
}
