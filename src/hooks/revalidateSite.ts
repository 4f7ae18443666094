import { revalidateTag } from 'next/cache'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { afterCommit } from '@/lib/afterCommit'
import { localeCodes } from '@/lib/locales'
import { isPublishedSomewhere } from '@/lib/publication'
import { expireTagsThroughServer } from '@/site/revalidation'
import { tags } from '@/site/tags'

type SiteCollection = 'articles' | 'carriers' | 'tips'


/**
 * Expires the cached data of one document (and its collection's lists): Next then re-renders
 * exactly the pages that read it, on their next request. In a route handler (REST, GraphQL) Next
 * applies the expiry when the handler returns, after Payload has committed the write. A Local API
 * write (the jobs queue publishing on schedule, a script, an admin server function) may run
 * outside any request, where `revalidateTag` throws, or in the async context of a request that
 * has ended (timers keep the context they were made in), where Next never applies it: once
 * committed, such a write also asks the server through `/next/revalidate`.
 */
const expire = (collection: SiteCollection, id: number | string, req: PayloadRequest): void => {
  const expired = [...localeCodes.map((locale) => tags.lists(collection, locale)), tags.document(collection, id)]
  let inRequest = true
  try {
    for (const tag of expired) revalidateTag(tag, { expire: 0 })
  } catch {
    inRequest = false
  }
  if (!inRequest || req.payloadAPI === 'local') void afterCommit(req, () => void expireTagsThroughServer(expired))
}

/**
 * A locale published, unpublished, or edited while published: readers' pages change. `_status`
 * is read in the locale the change was made in (or every locale, for `locale=all`), so a draft
 * of a locale that is not published changes nothing readers see and expires nothing. The
 * locale's pages share the document's tags with its other locales: their hreflang alternates
 * and fallbacks list the locales a document is published in.
 */
export const revalidateSiteAfterChange =
  (collection: SiteCollection): CollectionAfterChangeHook =>
  ({ doc, previousDoc, context, req }) => {
    if (context.disableRevalidate) return doc
    if (isPublishedSomewhere(doc._status) || isPublishedSomewhere(previousDoc?._status)) expire(collection, doc.id, req)
    return doc
  }

export const revalidateSiteAfterDelete =
  (collection: SiteCollection): CollectionAfterDeleteHook =>
  ({ doc, context, req }) => {
    if (!context.disableRevalidate) expire(collection, doc.id, req)
    return doc
  }
