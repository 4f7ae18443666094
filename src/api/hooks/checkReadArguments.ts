import { ValidationError, type CollectionBeforeOperationHook, type FlattenedField } from 'payload'

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
 * A client's `sort` (REST or GraphQL; the Local API is Lagon's own code) must name fields:
 * Payload ignores an unknown one, and the client gets an order it did not ask for.
 */
export const checkReadArguments: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const { currentDepth, sort } = args as { currentDepth?: number; sort?: string | string[] }
  if ((operation !== 'read' && operation !== 'count') || req.payloadAPI === 'local' || currentDepth || !sort) return args
  const unknown = sortPaths(sort).filter((path) => !fieldExists(collection.flattenedFields, path.split('.')))
  if (unknown.length > 0) {
    const message = `sort: ${unknown.map((path) => `"${path}"`).join(', ')} is not a field of ${collection.slug}`
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'sort', message }] }, req.t)
  }
  return args
}
