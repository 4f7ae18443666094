import type { CollectionBeforeChangeHook } from 'payload'

/** The first publication date is kept; it is set when a document is first published. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
