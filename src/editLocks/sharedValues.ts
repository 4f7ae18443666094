import type { FlattenedField } from 'payload'

import { isBookkeeping, managedFields, same } from '@/access/translatorMayChange'
import { holdsLocalized, isLocalized } from '@/fields/tree'
import { isRecord } from '@/lib/isRecord'

type Row = Record<string, unknown>

/** Fields a save may send that belong to no part: Payload's, the hooks' bookkeeping, save options. */
const belongsToNoPart = (field: FlattenedField): boolean =>
  managedFields.has(field.name) || field.name === '_status' || isBookkeeping(field) || ('virtual' in field && Boolean(field.virtual))

/**
 * The save's data with every shared value (what all locales have in common) replaced by the
 * stored one, and its localized values as sent: inside arrays that hold translations, the stored
 * rows in their order, each with the sent row's localized values (rows matched by id).
 */
export const keepStoredShared = (fields: FlattenedField[], data: Row, stored: Row): Row => {
  const kept: Row = { ...data }
  for (const field of fields) {
    if (!(field.name in data) || belongsToNoPart(field) || isLocalized(field)) continue
    const sent = data[field.name]
    const before = stored[field.name]
    if (!holdsLocalized(field)) {
      if (field.name in stored) kept[field.name] = before
      else delete kept[field.name]
    } else if ((field.type === 'group' || field.type === 'tab') && isRecord(sent)) {
      kept[field.name] = keepStoredShared(field.flattenedFields, sent, isRecord(before) ? before : {})
    } else if (field.type === 'array' || field.type === 'blocks') {
      const sentRows = Array.isArray(sent) ? sent.filter(isRecord) : []
      const storedRows = Array.isArray(before) ? before.filter(isRecord) : []
      kept[field.name] = storedRows.map((storedRow) => {
        const sentRow = sentRows.find((row) => row.id !== undefined && row.id === storedRow.id)
        if (!sentRow) return storedRow
        const rowFields = field.type === 'array' ? field.flattenedFields : (field.blocks.find((block) => block.slug === storedRow.blockType)?.flattenedFields ?? [])
        return { ...keepStoredShared(rowFields, sentRow, storedRow), id: storedRow.id }
      })
    }
  }
  return kept
}

/** Whether a save would change a shared value (the first one's path), compared with what is stored. */
export const changedSharedField = (fields: FlattenedField[], data: Row, stored: Row): string | undefined => {
  const kept = keepStoredShared(fields, data, stored)
  return fields.find((field) => field.name in data && !same(data[field.name], kept[field.name], field))?.name
}
