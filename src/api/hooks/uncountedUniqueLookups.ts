import type { CollectionBeforeOperationHook, FlattenedField } from 'payload'

import { isRecord } from '@/lib/isRecord'

/** Payload's page size when a read names none (its find operation's default). */
const defaultLimit = 10

const isScalar = (value: unknown): boolean => typeof value === 'string' || typeof value === 'number'

/**
 * Whether a top-level field is unique in the locale read: the database holds it unique, per
 * locale for a localized one (so `locale=all`, which matches any locale's value, does not count).
 */
const isUniqueIn = (field: FlattenedField | undefined, locale: unknown): boolean =>
  field !== undefined &&
  'unique' in field &&
  field.unique === true &&
  !('hasMany' in field && field.hasMany) &&
  (!field.localized || (typeof locale === 'string' && locale !== 'all'))

/**
 * Whether `where` can match one document at most: one of the conditions it ANDs is an `equals`
 * on the id or on a unique field (`where[slug][equals]=…`, as integrations look guides up).
 */
export const findsAtMostOne = (fields: FlattenedField[], where: unknown, locale: unknown): boolean => {
  if (!isRecord(where)) return false
  return Object.entries(where).some(([path, condition]) => {
    if (path === 'and') return Array.isArray(condition) && condition.some((each) => findsAtMostOne(fields, each, locale))
    if (path === 'or' || !isRecord(condition) || !isScalar(condition.equals)) return false
    return path === 'id' || isUniqueIn(fields.find((field) => field.name === path), locale)
  })
}

/**
 * A paginated list read counts its matches in a query of its own (Payload's `countDistinct`,
 * the lookup's joins again) to fill `totalDocs`. A lookup that finds one document at most needs
 * no count: read without pagination, Payload fills the same envelope from the documents found
 * (`totalDocs` their number, one page). Only for the first page, the limit the read asked for
 * kept (10 when none), and the published documents (a draft read looks among versions, where a
 * slug is not unique).
 */
export const uncountedUniqueLookups: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'read') return args
  const { draft, id, limit, page, pagination, where } = args as {
    draft?: boolean
    id?: unknown
    limit?: number
    page?: number
    pagination?: boolean
    where?: unknown
  }
  if (id !== undefined || draft || pagination === false || (page !== undefined && page !== 1)) return args
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) return args
  if (!findsAtMostOne(collection.flattenedFields, where, req.locale)) return args
  return { ...args, pagination: false, limit: limit ?? defaultLimit }
}
