import { ValidationError, type CollectionBeforeValidateHook, type FlattenedField } from 'payload'

import { localeCodes } from '@/lib/locales'

type Mistake = { path: string; message: string }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const describe = (value: unknown): string => {
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  // Payload has already turned text sent for a number into NaN.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'text that is not a number'
  return `a ${typeof value}`
}

const isDate = (value: unknown) => value instanceof Date || (typeof value === 'string' && !Number.isNaN(Date.parse(value)))

/** What one value of a field must be; `undefined` when it fits. Relationships, selects and points Payload checks itself. */
const scalarMistake = (field: FlattenedField, value: unknown): string | undefined => {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return typeof value === 'string' ? undefined : 'text (a string)'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number'
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'true or false'
    case 'date':
      return isDate(value) ? undefined : 'a date (ISO 8601, such as 2026-11-27)'
    case 'richText':
      return isObject(value) ? undefined : 'a rich-text document (an object)'
    default:
      return undefined
  }
}

const hasManyValues = (field: FlattenedField) => 'hasMany' in field && field.hasMany === true && (field.type === 'text' || field.type === 'number')

const fieldMistakes = (field: FlattenedField, value: unknown, path: string, allLocales: boolean): Mistake[] => {
  if (value === null || value === undefined) return []
  // With locale "all" (Local API callers), a localized field holds one value per locale.
  if (allLocales && field.localized && isObject(value)) {
    return Object.entries(value).flatMap(([locale, item]) =>
      (localeCodes as string[]).includes(locale)
        ? fieldMistakes({ ...field, localized: false }, item, `${path}.${locale}`, false)
        : [{ path: `${path}.${locale}`, message: `${path}.${locale}: "${locale}" is not a locale` }],
    )
  }
  if (hasManyValues(field)) {
    if (!Array.isArray(value)) return [{ path, message: `${path}: expected a list, got ${describe(value)}` }]
    return value.flatMap((item, index) => fieldMistakes({ ...field, hasMany: false } as FlattenedField, item, `${path}.${index}`, allLocales))
  }
  switch (field.type) {
    case 'group':
    case 'tab':
      if (!isObject(value)) return [{ path, message: `${path}: expected an object, got ${describe(value)}` }]
      return dataMistakes(field.flattenedFields, value, allLocales, `${path}.`)
    case 'array':
      if (!Array.isArray(value)) return [{ path, message: `${path}: expected a list, got ${describe(value)}` }]
      return value.flatMap((row, index) =>
        isObject(row) ? dataMistakes(field.flattenedFields, row, allLocales, `${path}.${index}.`) : [{ path: `${path}.${index}`, message: `${path}.${index}: expected an object, got ${describe(row)}` }],
      )
    case 'blocks':
      if (!Array.isArray(value)) return [{ path, message: `${path}: expected a list, got ${describe(value)}` }]
      return value.flatMap((row, index) => {
        const block = isObject(row) ? field.blocks.find((candidate) => candidate.slug === row.blockType) : undefined
        if (!isObject(row) || !block) return [{ path: `${path}.${index}`, message: `${path}.${index}: expected a block with a known blockType` }]
        return dataMistakes(block.flattenedFields, row, allLocales, `${path}.${index}.`)
      })
    default: {
      const expected = scalarMistake(field, value)
      return expected ? [{ path, message: `${path}: expected ${expected}, got ${describe(value)}` }] : []
    }
  }
}

const dataMistakes = (fields: FlattenedField[], data: Record<string, unknown>, allLocales: boolean, prefix = ''): Mistake[] =>
  fields.flatMap((field) => (field.name in data ? fieldMistakes(field, data[field.name], `${prefix}${field.name}`, allLocales) : []))

/**
 * Payload stores whatever it is given in a text column as text: `{"title": 42}` became the title
 * "42". A value of the wrong type is the client's mistake, refused with a 400 naming the field,
 * after Payload's own conversions of form values (a number sent as "5") and before anything is written.
 */
export const rejectMistypedData: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  if (!data) return data
  const errors = dataMistakes(collection.flattenedFields, data, req.locale === 'all')
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return data
}
