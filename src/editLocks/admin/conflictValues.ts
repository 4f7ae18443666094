import { isRecord } from '@/lib/isRecord'
import { lexicalText } from '@/lib/lexicalText'

import type { ConflictField } from './conflictFields'

/** Keys of a row that say nothing a person wrote: compared and shown without them. */
const rowBookkeeping = new Set(['id', 'blockType', 'blockName'])

const isRichText = (value: unknown): boolean => isRecord(value) && isRecord(value.root)

/** Everything a value says, as plain text: nested rows and groups value by value, rich text by its text. */
const plainText = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (isRichText(value)) return lexicalText(value)
  if (Array.isArray(value)) return value.map(plainText).filter(Boolean).join(' · ')
  if (isRecord(value)) {
    // A related document, populated or not: its id says which one.
    if ('id' in value && ('createdAt' in value || 'updatedAt' in value)) return String(value.id)
    return Object.entries(value)
      .filter(([key]) => !rowBookkeeping.has(key))
      .map(([, nested]) => plainText(nested))
      .filter(Boolean)
      .join(' · ')
  }
  return ''
}

/**
 * A field's value as the conflict view shows and compares it: the form and the REST API give the
 * same content in slightly different shapes (row ids, nulls, populated relations), so values are
 * compared by what a person reads of them. Arrays and blocks: their number of rows, then their text.
 */
export const shownValue = (field: ConflictField, value: unknown, rowsLabel: string): string => {
  if (field.kind !== 'rows') return plainText(value)
  const rows = Array.isArray(value) ? value : []
  const text = plainText(rows)
  const count = rowsLabel.replace('{count}', String(rows.length))
  return text ? `${count}: ${text}` : count
}

export type FieldDifference = { name: string; label: string; mine: string; theirs: string }

/** The fields whose unsaved value (the form's) differs from the saved one, both as shown. */
export const differences = (
  fields: ConflictField[],
  mine: Record<string, unknown>,
  saved: Record<string, unknown>,
  rowsLabel: string,
): FieldDifference[] =>
  fields
    .map((field) => ({
      name: field.name,
      label: field.label,
      mine: shownValue(field, mine[field.name], rowsLabel),
      theirs: shownValue(field, saved[field.name], rowsLabel),
    }))
    .filter((difference) => difference.mine !== difference.theirs)
