import type { Block, Field, FlattenedField } from 'payload'

import { isRecord } from '@/lib/isRecord'

/**
 * Payload's field tree, walked in one place: whether a field is localized, the fields nested in
 * one, a map over a collection's fields (config), and a walk of a document's data alongside its
 * fields (flattened: rows, collapsibles and unnamed tabs lifted into their parent).
 */

type AnyField = Field | FlattenedField

/** Whether the field keeps a value per locale. */
export const isLocalized = (field: AnyField): boolean => 'localized' in field && Boolean(field.localized)

/** The config fields directly inside a config field: a row's, collapsible's, group's or array's, every tab's (a blocks field's rows have their blocks' fields: none here). */
const subFields = (field: Field): Field[] => (field.type === 'tabs' ? field.tabs.flatMap((tab) => tab.fields) : 'fields' in field ? field.fields : [])

/** The fields directly inside a field: a group's, named tab's or array's (flattened), as `subFields` (config). */
const nestedFields = (field: AnyField): AnyField[] => ('flattenedFields' in field ? field.flattenedFields : subFields(field as Field))

/** Every config field at any depth, in order, each before the fields inside it (tabs, rows, collapsibles, groups, arrays; not blocks). */
export const everyField = (fields: Field[]): Field[] => fields.flatMap((field) => [field, ...everyField(subFields(field))])

/** Whether the field is localized or holds a localized field (in its groups, arrays, tabs, rows). */
export const holdsLocalized = (field: AnyField): boolean => isLocalized(field) || nestedFields(field).some(holdsLocalized)

/**
 * A copy of `field` with each list of fields nested in it (a row's, collapsible's, group's,
 * array's, each tab's, each block's) replaced by `map` of it; `block` gives a block's own change.
 */
export const withSubFields = (field: Field, map: (fields: Field[]) => Field[], block: (block: Block) => Block = (same) => same): Field => {
  if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: map(tab.fields) })) }
  if (field.type === 'blocks') {
    return field.blocks ? { ...field, blocks: field.blocks.map((each) => ({ ...block(each), fields: map(each.fields) })) } : field
  }
  return 'fields' in field ? ({ ...field, fields: map(field.fields) } as Field) : field
}

/**
 * `fields` with every field, at any depth (tabs, rows, collapsibles, groups, arrays, blocks),
 * replaced by `map` of it: a container after its own fields are mapped; each block by `block`.
 */
export const mapFields = (fields: Field[], map: (field: Field) => Field, block?: (block: Block) => Block): Field[] =>
  fields.map((field) => map(withSubFields(field, (inner) => mapFields(inner, map, block), block)))

type Row = Record<string, unknown>

/** Handles a field of `row` itself (returns true), or lets the walk go into it (a group, an array, blocks). */
export type FieldVisitor = (field: FlattenedField, row: Row) => boolean

/** The rows one value of a field holds, each with its fields: a group's or tab's object, an array's rows, each block with its block's fields. */
export const nestedRows = (field: FlattenedField, value: unknown): { fields: FlattenedField[]; row: Row }[] => {
  if ((field.type === 'group' || field.type === 'tab') && isRecord(value)) return [{ fields: field.flattenedFields, row: value }]
  if (field.type === 'array' && Array.isArray(value)) return value.filter(isRecord).map((row) => ({ fields: field.flattenedFields, row }))
  if (field.type === 'blocks' && Array.isArray(value)) {
    return value.filter(isRecord).flatMap((row) => {
      const block = field.blocks.find((candidate) => candidate.slug === row.blockType)
      return block ? [{ fields: block.flattenedFields, row }] : []
    })
  }
  return []
}

/** Walks into one value of a group, tab, array or blocks field. */
export const walkInto = (field: FlattenedField, value: unknown, visit: FieldVisitor): void => {
  for (const nested of nestedRows(field, value)) walkFields(nested.fields, nested.row, visit)
}

/** Every field of a stored document that holds a value, groups, array rows and blocks included. */
export const walkFields = (fields: FlattenedField[], row: Row, visit: FieldVisitor): void => {
  for (const field of fields) {
    const value = row[field.name]
    if (value === undefined || value === null || visit(field, row)) continue
    walkInto(field, value, visit)
  }
}
