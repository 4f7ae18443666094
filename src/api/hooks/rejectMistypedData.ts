import { ValidationError, type CollectionBeforeOperationHook, type CollectionBeforeValidateHook, type FlattenedField } from 'payload'

import { isRecord } from '@/lib/isRecord'
import { localeCodes } from '@/lib/locales'

type Mistake = { path: string; message: string }

const isObject = isRecord

const describe = (value: unknown): string => {
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  // Payload has already turned text sent for a number into NaN.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'text that is not a number'
  return `a ${typeof value}`
}

/** A Lexical node as its editor reads it: an object whose `children`, if any, are nodes too. */
const isLexicalNode = (node: unknown): boolean =>
  isObject(node) && (node.children === undefined || (Array.isArray(node.children) && node.children.every(isLexicalNode)))

const isDate = (value: unknown) => value instanceof Date || (typeof value === 'string' && !Number.isNaN(Date.parse(value)))

/** What one value of a field must be; `undefined` when it fits. Relationships, selects and points Payload checks itself. */
const scalarMistake = (field: FlattenedField, value: unknown): string | undefined => {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      if (typeof value !== 'string') return 'text (a string)'
      // Drafts skip validation: a slug longer than its index takes would fail in the database.
      return 'maxLength' in field && typeof field.maxLength === 'number' && value.length > field.maxLength ? `at most ${field.maxLength} characters` : undefined
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number'
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'true or false'
    case 'date':
      return isDate(value) ? undefined : 'a date (ISO 8601, such as 2026-11-27)'
    case 'richText':
      return isObject(value) && isLexicalNode(value.root) ? undefined : 'a rich-text document ({ root: { children: […] } })'
    case 'select':
    case 'radio': {
      // A draft save skips validation, and PostgreSQL's enum would refuse the value with a 500.
      const options = field.options.map((option) => (typeof option === 'string' ? option : option.value))
      return typeof value === 'string' && options.includes(value) ? undefined : `one of ${options.join(', ')}`
    }
    default:
      return undefined
  }
}

const hasManyValues = (field: FlattenedField) =>
  'hasMany' in field && field.hasMany === true && (field.type === 'text' || field.type === 'number' || field.type === 'select')

type ScalarCheck = (field: FlattenedField, value: unknown) => string | undefined

const blockMistakes = (field: FlattenedField & { type: 'blocks' }, rows: unknown[], path: string, allLocales: boolean, check: ScalarCheck): Mistake[] =>
  rows.flatMap((row, index) => {
    const block = isObject(row) ? field.blocks.find((candidate) => candidate.slug === row.blockType) : undefined
    if (!isObject(row) || !block) return [{ path: `${path}.${index}`, message: `${path}.${index}: expected a block with a known blockType` }]
    return dataMistakes(block.flattenedFields, row, allLocales, check, `${path}.${index}.`)
  })

const fieldMistakes = (field: FlattenedField, value: unknown, path: string, allLocales: boolean, check: ScalarCheck): Mistake[] => {
  if (value === null || value === undefined) return []
  // With locale "all" (Local API callers), a localized field holds one value per locale.
  if (allLocales && field.localized && isObject(value)) {
    return Object.entries(value).flatMap(([locale, item]) =>
      (localeCodes as string[]).includes(locale)
        ? fieldMistakes({ ...field, localized: false }, item, `${path}.${locale}`, false, check)
        : [{ path: `${path}.${locale}`, message: `${path}.${locale}: "${locale}" is not a locale` }],
    )
  }
  if (hasManyValues(field)) {
    if (!Array.isArray(value)) return [{ path, message: `${path}: expected a list, got ${describe(value)}` }]
    return value.flatMap((item, index) => fieldMistakes({ ...field, hasMany: false } as FlattenedField, item, `${path}.${index}`, allLocales, check))
  }
  switch (field.type) {
    case 'group':
    case 'tab':
      if (!isObject(value)) return [{ path, message: `${path}: expected an object, got ${describe(value)}` }]
      return dataMistakes(field.flattenedFields, value, allLocales, check, `${path}.`)
    case 'array':
    case 'blocks':
      // The admin's form sends a list without rows as its row count, 0; Payload stores no rows.
      if (value === 0) return []
      if (!Array.isArray(value)) return [{ path, message: `${path}: expected a list, got ${describe(value)}` }]
      if (field.type === 'blocks') return blockMistakes(field, value, path, allLocales, check)
      return value.flatMap((row, index) =>
        isObject(row) ? dataMistakes(field.flattenedFields, row, allLocales, check, `${path}.${index}.`) : [{ path: `${path}.${index}`, message: `${path}.${index}: expected an object, got ${describe(row)}` }],
      )
    default: {
      const expected = check(field, value)
      return expected ? [{ path, message: `${path}: expected ${expected}, got ${describe(value)}` }] : []
    }
  }
}

const dataMistakes = (fields: FlattenedField[], data: Record<string, unknown>, allLocales: boolean, check: ScalarCheck, prefix = ''): Mistake[] =>
  fields.flatMap((field) => (field.name in data ? fieldMistakes(field, data[field.name], `${prefix}${field.name}`, allLocales, check) : []))

/**
 * Payload stores whatever it is given in a text column as text: `{"title": 42}` became the title
 * "42". A value of the wrong type is the client's mistake, refused with a 400 naming the field,
 * after Payload's own conversions of form values (a number sent as "5") and before anything is written.
 */
export const rejectMistypedData: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  if (!data) return data
  const errors = dataMistakes(collection.flattenedFields, data, req.locale === 'all', scalarMistake)
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return data
}

/**
 * The shapes Payload's own field hooks would fail on before validation (a 500): rich text that is
 * not a Lexical tree reaches Lexical's `beforeValidate`, a group that is not an object its
 * traversal. Checked on the operation's data, before any hook; the rest waits for Payload's
 * conversions (rejectMistypedData).
 */
export const rejectMalformedData: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const data = (args as { data?: unknown }).data
  if ((operation !== 'create' && operation !== 'update') || !isObject(data)) return args
  const richTextOnly: ScalarCheck = (field, value) => (field.type === 'richText' ? scalarMistake(field, value) : undefined)
  const errors = dataMistakes(collection.flattenedFields, data, req.locale === 'all', richTextOnly)
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return args
}
