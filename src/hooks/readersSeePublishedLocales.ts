import type { CollectionBeforeReadHook, CollectionSlug } from 'payload'

import { publishedIds, publishedScan } from '@/access/publishedIds'
import { dropHiddenRelations, keepLocales, publishedIn, readsAsReader } from '@/access/readerView'
import { isRecord } from '@/lib/isRecord'
import { localeCodes } from '@/lib/locales'

/**
 * A reader's document loses the values of every locale not published for it, here, on the
 * document as stored (every locale present), so that nothing after it (the locale asked for, its
 * fallbacks, `select`, `locale=all`, GraphQL) can pick one up; and its relations to documents
 * readers may not read. A `select` that leaves `_status` out leaves the document's status unread:
 * it is then read on its own.
 */
export const readersSeePublishedLocales: CollectionBeforeReadHook = async ({ collection, doc, overrideAccess, req }) => {
  if (!readsAsReader(req, overrideAccess) || !isRecord(doc)) return doc
  let status = doc._status
  if (status === undefined && doc.id !== undefined) {
    const stored = await req.payload.db.findOne({
      collection: collection.slug,
      where: { id: { equals: doc.id } },
      select: { _status: true },
      locale: 'all',
      req: { transactionID: req.transactionID },
    })
    status = (stored as { _status?: unknown } | null)?._status
  }
  const keep = publishedIn(status, req.locale ?? undefined)
  if (keep.size < localeCodes.length) keepLocales(collection.flattenedFields, doc, keep)
  // The reads that make these sets are a reader's too: they must not wait for themselves.
  if (req.context[publishedScan] !== true) {
    await dropHiddenRelations(collection.flattenedFields, doc, (target) =>
      req.payload.collections[target as CollectionSlug]?.config.custom?.publicApi === true ? publishedIds(req.payload, target) : undefined,
    )
  }
  return doc
}
