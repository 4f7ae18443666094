import type { FlattenedField } from 'payload'

import { isBookkeeping, managedFields } from '@/access/translatorMayChange'
import { holdsLocalized } from '@/fields/tree'
import type { AdminText } from '@/lib/adminLabels'

/** How the conflict view shows a value: rich text as its plain text, arrays and blocks as their rows. */
export type ValueKind = 'richText' | 'rows' | 'value'

/** A top-level field of one part of the document, as the conflict view lists it. */
export type ConflictField = { name: string; label: string; kind: ValueKind }

/** The fields of each part a save from the edit view writes: the locale's and the shared ones. */
export type ConflictFields = { locale: ConflictField[]; shared: ConflictField[] }

/** Fields that hold no value of a person's: Payload's, the hooks' bookkeeping, the status, UI-only ones. */
const holdsNoEdit = (field: FlattenedField): boolean =>
  managedFields.has(field.name) ||
  field.name === '_status' ||
  isBookkeeping(field) ||
  (field.type as string) === 'ui' ||
  ('virtual' in field && Boolean(field.virtual))

/** A field's label in the admin's language, whatever form it was given in (string, `{ zh, en, fr }`, label function). */
const labelOf = (field: FlattenedField, language: keyof AdminText): string => {
  const label: unknown = 'label' in field ? field.label : undefined
  if (typeof label === 'string' && label) return label
  const text = typeof label === 'function' && 'text' in label ? label.text : label
  if (typeof text === 'object' && text !== null && language in text) return String((text as AdminText)[language])
  return field.name
}

const kindOf = (field: FlattenedField): ValueKind =>
  field.type === 'richText' ? 'richText' : field.type === 'array' || field.type === 'blocks' ? 'rows' : 'value'

/**
 * The top-level fields of each part, labelled in the admin's language: a field holding any
 * translation (arrays with localized columns too) belongs to the locale's part, the others to
 * `shared` (as `respectEditLocks` and `keepStoredShared` split a save).
 */
export const conflictFields = (fields: FlattenedField[], language: keyof AdminText): ConflictFields => {
  const edited = fields.filter((field) => !holdsNoEdit(field))
  const shown = (field: FlattenedField): ConflictField => ({ name: field.name, label: labelOf(field, language), kind: kindOf(field) })
  return {
    locale: edited.filter(holdsLocalized).map(shown),
    shared: edited.filter((field) => !holdsLocalized(field)).map(shown),
  }
}
