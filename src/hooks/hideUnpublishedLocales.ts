import type { CollectionAfterReadHook, FlattenedField } from 'payload'

import { isReader } from '@/access/roles'
import { isRecord } from '@/lib/isRecord'
import { localeCodes } from '@/lib/locales'
import { publishedLocales, type LocalizedStatus } from '@/lib/publication'

type Row = Record<string, unknown>

/** Keeps, in every localized value of `row`, only the published locales. */
const keepLocales = (fields: FlattenedField[], row: Row, keep: Set<string>): void => {
  for (const field of fields) {
    const value = row[field.name]
    if (value === undefined || value === null) continue
    if ('localized' in field && field.localized) {
      if (isRecord(value)) {
        row[field.name] = Object.fromEntries(Object.entries(value).filter(([locale]) => keep.has(locale)))
      }
      continue
    }
    if ((field.type === 'group' || field.type === 'tab') && isRecord(value)) {
      keepLocales(field.flattenedFields, value, keep)
    } else if (field.type === 'array' && Array.isArray(value)) {
      for (const item of value) if (isRecord(item)) keepLocales(field.flattenedFields, item, keep)
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      for (const item of value) {
        const block = isRecord(item) ? field.blocks.find((candidate) => candidate.slug === item.blockType) : undefined
        if (block && isRecord(item)) keepLocales(block.flattenedFields, item, keep)
      }
    }
  }
}

/**
 * `locale=all` reads every locale from the published document, including the locales still in
 * draft there (a draft written without `?draft=true` lands in the document itself). Readers get
 * only the locales published for this document. A read that bypasses access (a preview, a
 * script) gets everything.
 */
export const hideUnpublishedLocales: CollectionAfterReadHook = ({ collection, doc, overrideAccess, req }) => {
  if (overrideAccess || !isReader(req.user) || req.locale !== 'all' || !isRecord(doc) || !isRecord(doc._status)) return doc
  const keep = new Set<string>(publishedLocales(doc._status as LocalizedStatus))
  if (keep.size === localeCodes.length) return doc
  keepLocales(collection.flattenedFields, doc, keep)
  return doc
}
