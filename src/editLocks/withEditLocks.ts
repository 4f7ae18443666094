import type { CollectionConfig, UIField } from 'payload'

import { claimEditLocksEndpoint, releaseEditLocksEndpoint } from './endpoints'
import { respectEditLocks } from './hooks/respectEditLocks'

const editLocksField: UIField = {
  name: 'editLocks',
  type: 'ui',
  admin: { disableListColumn: true, components: { Field: '/src/editLocks/admin/EditLocks#EditLocks' } },
}

/**
 * Locks per part in the admin, instead of Payload's per document (`lockDocuments: false`): an
 * editor in zh and a translator in fr edit one document at once, each holding their locale, and
 * whoever edits the shared fields holds the `shared` part (docs/admin.md, "Editing together").
 * Added around a content collection in payload.config.ts, before `withRevisions`: the save
 * checks the parts once the document's row is locked.
 */
export const withEditLocks = (collection: CollectionConfig): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    lockDocuments: false,
    endpoints: [...(collection.endpoints || []), claimEditLocksEndpoint, releaseEditLocksEndpoint],
    fields: [editLocksField, ...collection.fields],
    hooks: { ...hooks, beforeOperation: [respectEditLocks, ...(hooks.beforeOperation ?? [])] },
  }
}
