import type { CollectionBeforeReadHook, CollectionSlug } from 'payload'

import { embedsReadByCaller, readableAmong, readableScan } from '@/access/readableIds'
import { dropHiddenRelations, keepLocales, publishedIn, readsAsReader } from '@/access/readerView'
import { isRecord } from '@/lib/isRecord'
import { localeCodes } from '@/lib/locales'
import type { PublicCollection } from '@/site/tags'

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
  // The reads that answer which relations are readable are a reader's too: their own relations are not asked about.
  if (req.context[readableScan] !== true) {
    await dropHiddenRelations(
      collection.flattenedFields,
      doc,
      (target, ids) =>
        req.payload.collections[target as CollectionSlug]?.config.custom?.publicApi === true
          ? readableAmong(req.payload, target as PublicCollection, ids)
          : undefined,
      { embedsRead: req.context[embedsReadByCaller] === true },
    )
  }
  return doc
}
