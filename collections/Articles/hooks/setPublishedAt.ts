import type { CollectionBeforeChangeHook } from 'payload'

/** The first publication date is kept; it is set when a document is first published, in any locale. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
