import type { CollectionAfterReadHook, CollectionBeforeOperationHook } from 'payload'

import { isReader } from '@/access/roles'
import { isRecord } from '@/lib/isRecord'

/**
 * A reader's `select` that leaves `_status` out (`select[title]=true`) made readersSeePublishedLocales
 * read each document's status again, one query per document. The status is added to such a
 * select here, so that it comes with the document, and taken out of the answer again after.
 * Per request and collection: once a read of the collection asked for `_status` itself, or read
 * it without a select, the status stays in every answer of that request (readers may see it,
 * and it is dropped only where no read asked for it).
 */
const key = (collection: string) => `lagon.statusAddedToSelect:${collection}`

/** A select that names the fields it wants (Payload's include mode): no field set to false. */
const includes = (select: Record<string, unknown>): boolean =>
  Object.values(select).every((value) => value === true || (isRecord(value) && includes(value)))

export const selectStatusForReaders: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'read' || (args as { overrideAccess?: boolean }).overrideAccess || !isReader(req.user)) return args
  const { select } = args as { select?: unknown }
  const adds = isRecord(select) && Object.keys(select).length > 0 && includes(select) && select._status === undefined
  if (!adds) {
    req.context[key(collection.slug)] = 'kept'
    return args
  }
  if (req.context[key(collection.slug)] !== 'kept') req.context[key(collection.slug)] = 'added'
  return { ...args, select: { ...select, _status: true } }
}

export const unselectStatusForReaders: CollectionAfterReadHook = ({ collection, doc, req }) => {
  if (req.context[key(collection.slug)] === 'added' && isRecord(doc)) delete doc._status
  return doc
}
