import type { FlattenedField } from 'payload'

type Row = Record<string, unknown>

/** Set by Payload, never by the person saving. */
const managedFields = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt'])

/**
 * Localized fields whose values a translator may set only to some values. `_status`: a
 * translator saves drafts, never publishes. (A later `translation.status` rule goes here.)
 */
const localizedValueRules: Record<string, (value: unknown) => boolean> = {
  _status: (value) => value === 'draft',
}

const isRow = (value: unknown): value is Row => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** A stored or submitted value in one comparable shape: relations by id, dates by time, no `undefined`. */
const comparable = (value: unknown): unknown => {
  if (value === undefined || value === '') return null
  if (Array.isArray(value)) return value.map(comparable)
  if (isRow(value)) {
    if ('relationTo' in value && 'value' in value) return { relationTo: value.relationTo, value: comparable(value.value) }
    if ('id' in value) return value.id
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, comparable(item)]))
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value).getTime()
  return value
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b))

const hasLocalized = (field: FlattenedField): boolean =>
  ('localized' in field && Boolean(field.localized)) ||
  ('flattenedFields' in field && field.flattenedFields.some(hasLocalized))

/**
 * What a translator may change in a save of one of their locales: the localized fields of that
 * locale (inside shared arrays and groups too, row by row), nothing that every locale shares.
 * Returns the path of the first field the save would change against that rule, or `undefined`.
 */
export const fieldTranslatorMayNotChange = (
  fields: FlattenedField[],
  data: Row,
  stored: Row | null | undefined,
  prefix = '',
): string | undefined => {
  for (const field of fields) {
    if (!(field.name in data) || managedFields.has(field.name)) continue
    const path = `${prefix}${field.name}`
    const value = data[field.name]
    const before = stored?.[field.name]
    if ('localized' in field && field.localized) {
      const rule = localizedValueRules[path]
      if (rule && value !== undefined && !rule(value)) return path
      continue
    }
    if (!hasLocalized(field)) {
      if (!same(value, before)) return path
      continue
    }
    if ((field.type === 'group' || field.type === 'tab') && isRow(value)) {
      const inner = fieldTranslatorMayNotChange(field.flattenedFields, value, isRow(before) ? before : undefined, `${path}.`)
      if (inner) return inner
    } else if (field.type === 'array') {
      // Rows are shared by every locale: a translator fills in the rows there are, in their order.
      const rows = Array.isArray(value) ? value : []
      const storedRows = Array.isArray(before) ? (before as Row[]) : []
      if (rows.length !== storedRows.length) return path
      for (const [index, row] of rows.entries()) {
        const storedRow = storedRows[index]!
        if (!isRow(row) || (row.id !== undefined && row.id !== storedRow.id)) return `${path}.${index}`
        const inner = fieldTranslatorMayNotChange(field.flattenedFields, row, storedRow, `${path}.${index}.`)
        if (inner) return inner
      }
    } else if (!same(value, before)) {
      return path
    }
  }
  return undefined
}
