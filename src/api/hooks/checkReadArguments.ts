import { ValidationError, type CollectionBeforeOperationHook, type FlattenedField } from 'payload'

import { maxPublicDepth, maxPublicLimit } from '../settings'

type ReadArgs = { currentDepth?: number; depth?: number; limit?: number; pagination?: boolean; sort?: string | string[] }

/** Whether `path` (dot-separated) names a field: through groups and named tabs; past a relationship, Payload checks the rest. */
const fieldExists = (fields: FlattenedField[], path: string[]): boolean => {
  const [name, ...rest] = path
  const field = fields.find((candidate) => candidate.name === name)
  if (!field) return false
  if (rest.length === 0) return true
  if ('flattenedFields' in field && (field.type === 'group' || field.type === 'tab')) return fieldExists(field.flattenedFields, rest)
  return field.type === 'relationship' || field.type === 'upload'
}

const sortPaths = (sort: string | string[]): string[] =>
  (Array.isArray(sort) ? sort : sort.split(',')).map((path) => path.trim().replace(/^-/, '')).filter(Boolean)

/**
 * The arguments of a client's read (REST or GraphQL; the Local API is Lagon's own code): `sort`
 * must name fields (Payload ignores an unknown one), and anonymous clients get at most
 * `maxPublicDepth` levels of population and `maxPublicLimit` documents a page. Too much is a 400
 * naming the maximum, not a silent clamp: a shorter list or unpopulated relations could pass for
 * the whole answer. Staff keep Payload's own limits (the admin lists and deletes with limit=0).
 */
export const checkReadArguments: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const read = args as ReadArgs
  if ((operation !== 'read' && operation !== 'count') || req.payloadAPI === 'local' || read.currentDepth) return args
  const errors: { path: string; message: string }[] = []
  const unknown = read.sort ? sortPaths(read.sort).filter((path) => !fieldExists(collection.flattenedFields, path.split('.'))) : []
  if (unknown.length > 0) errors.push({ path: 'sort', message: `sort: ${unknown.map((path) => `"${path}"`).join(', ')} is not a field of ${collection.slug}` })
  if (!req.user) {
    if (read.depth !== undefined && read.depth > maxPublicDepth) errors.push({ path: 'depth', message: `depth: at most ${maxPublicDepth} (asked ${read.depth})` })
    if (read.pagination === false || (read.limit !== undefined && (read.limit < 1 || read.limit > maxPublicLimit))) {
      errors.push({ path: 'limit', message: `limit: between 1 and ${maxPublicLimit} documents a page${read.pagination === false ? ' (pagination cannot be turned off)' : ` (asked ${read.limit})`}` })
    }
  }
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return args
}
