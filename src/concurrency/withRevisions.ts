import type { CollectionConfig } from 'payload'

import { revisionField } from '@/fields/revision'

import { etagOfRevision, serializeSaves, stampRevision } from './serializeSaves'

/**
 * Saves of one document one at a time, each counted in the document's revision (ETag and
 * `If-Match`). Added around a content collection in payload.config.ts: the lock comes before
 * every other hook that reads the stored document, and the revision field stays out of
 * `sharedFieldsForEditors` (a translator's save counts too).
 */
export const withRevisions = (collection: CollectionConfig): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    fields: [...collection.fields, revisionField()],
    hooks: {
      ...hooks,
      beforeOperation: [serializeSaves, ...(hooks.beforeOperation ?? [])],
      beforeChange: [...(hooks.beforeChange ?? []), stampRevision],
      afterOperation: [...(hooks.afterOperation ?? []), etagOfRevision],
    },
  }
}
