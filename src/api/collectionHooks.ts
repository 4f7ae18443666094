import type { CollectionConfig } from 'payload'

import { expireAfterChange, expireAfterDelete, notePublishedBefore } from '@/freshness/hooks'
import { noteReadDocument } from '@/freshness/readTags'

import { checkReadArguments } from './hooks/checkReadArguments'
import { rejectMalformedData, rejectMistypedData } from './hooks/rejectMistypedData'
import { uncountedUniqueLookups } from './hooks/uncountedUniqueLookups'

/**
 * The API's hooks, added to every collection in payload.config.ts so that a collection added
 * later cannot be forgotten: strict read arguments and typed data everywhere, and for the
 * collections of the public API (`custom.publicApi`, whose documents populate one another) what
 * each read showed noted, and every change expiring what it touched (src/freshness/). Other
 * collections' writes (accounts, keys, webhook deliveries, the admin's preferences and locks)
 * never reach a public answer, and expire nothing. They run first (strict checks) and last (after every other hook has had its
 * say on the document).
 */
export const withApiHooks = (collection: CollectionConfig): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  const isPublic = collection.custom?.publicApi === true
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [
        checkReadArguments,
        rejectMalformedData,
        ...(hooks.beforeOperation ?? []),
        ...(isPublic ? [notePublishedBefore] : []),
        uncountedUniqueLookups,
      ],
      beforeValidate: [rejectMistypedData, ...(hooks.beforeValidate ?? [])],
      afterRead: [...(hooks.afterRead ?? []), ...(isPublic ? [noteReadDocument] : [])],
      afterChange: [...(hooks.afterChange ?? []), ...(isPublic ? [expireAfterChange] : [])],
      afterDelete: [...(hooks.afterDelete ?? []), ...(isPublic ? [expireAfterDelete] : [])],
    },
  }
}
