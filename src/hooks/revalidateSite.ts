import { revalidateTag } from 'next/cache'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { isPublishedSomewhere } from '@/lib/publication'
import { tags } from '@/site/tags'

type SiteCollection = 'articles' | 'carriers' | 'tips'

const itemTag = { articles: tags.article, carriers: tags.carrier, tips: tags.tip } as const

/**
 * Expires the cached data of one document (and its collection's lists): Next then re-renders
 * exactly the pages that read it, on their next request. In a route handler Next applies the
 * expiry when the handler returns, after Payload has committed the write. Outside a Next server
 * (seed, scripts) there is no page cache, and nothing to do.
 */
const expire = (collection: SiteCollection, id: number | string): void => {
  try {
    for (const tag of [tags[collection], itemTag[collection](id)]) revalidateTag(tag, { expire: 0 })
  } catch {
    // Not in a Next request.
  }
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
  ({ doc, previousDoc, context }) => {
    if (context.disableRevalidate) return doc
    if (isPublishedSomewhere(doc._status) || isPublishedSomewhere(previousDoc?._status)) expire(collection, doc.id)
    return doc
  }

export const revalidateSiteAfterDelete =
  (collection: SiteCollection): CollectionAfterDeleteHook =>
  ({ doc, context }) => {
    if (!context.disableRevalidate) expire(collection, doc.id)
    return doc
  }
