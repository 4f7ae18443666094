import { ValidationError, type CollectionBeforeOperationHook, type FlattenedField } from 'payload'

import { keyReadsDrafts } from '@/access/apiKeys'
import { readerWhereProblems } from '@/access/readerView'
import { isReader } from '@/access/roles'

import { whereValueProblems } from '../whereValues'

/** Whether `path` (dot-separated) names a field: through groups and named tabs; past a relationship, Payload checks the rest. */
const fieldExists = (fields: FlattenedField[], path: string[]): boolean => {
  const [name, ...rest] = path
  // Every document's id, which Payload adds without a field.
  if (name === 'id' && rest.length === 0) return true
  const field = fields.find((candidate) => candidate.name === name)
  if (!field) return false
  if (rest.length === 0) return true
  if ('flattenedFields' in field && (field.type === 'group' || field.type === 'tab')) return fieldExists(field.flattenedFields, rest)
  return field.type === 'relationship' || field.type === 'upload'
}

/** A list field (`hasMany`) is stored in rows of its own: sorting by it fails in the database (a 500). */
const isList = (fields: FlattenedField[], path: string[]): boolean => {
  const field = fields.find((candidate) => candidate.name === path[0])
  if (!field) return false
  if (path.length > 1 && 'flattenedFields' in field && (field.type === 'group' || field.type === 'tab')) return isList(field.flattenedFields, path.slice(1))
  return path.length === 1 && 'hasMany' in field && field.hasMany === true
}

const sortPaths = (sort: string | string[]): string[] =>
  (Array.isArray(sort) ? sort : sort.split(',')).map((path) => path.trim().replace(/^-/, '')).filter(Boolean)

/**
 * A client's read (REST or GraphQL; the Local API is Lagon's own code): `sort` must name fields
 * (Payload ignores an unknown one, and the client gets an order it did not ask for), and `where`
 * values must be ones the database can compare (see whereValueProblems), and a reader's may ask
 * only about what they may read (see readerWhereProblems). The `where` of a bulk update or
 * delete is held to the same values. Population reads (`currentDepth`) are Payload's own.
 */
export const checkReadArguments: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const { currentDepth, draft, sort, where } = args as { currentDepth?: number; draft?: boolean; sort?: string | string[]; where?: unknown }
  if (req.payloadAPI === 'local' || currentDepth) return args
  if (operation === 'update' || operation === 'delete') {
    const problems = whereValueProblems(collection.flattenedFields, where)
    if (problems.length > 0) throw new ValidationError({ collection: collection.slug, errors: problems }, req.t)
    return args
  }
  if (operation !== 'read' && operation !== 'count') return args
  const unknown = sort ? sortPaths(sort).filter((path) => !fieldExists(collection.flattenedFields, path.split('.'))) : []
  const lists = sort ? sortPaths(sort).filter((path) => isList(collection.flattenedFields, path.split('.'))) : []
  const errors = [
    ...(unknown.length > 0 ? [{ path: 'sort', message: `sort: ${unknown.map((path) => `"${path}"`).join(', ')} is not a field of ${collection.slug}` }] : []),
    ...(lists.length > 0 ? [{ path: 'sort', message: `sort: ${lists.map((path) => `"${path}"`).join(', ')} is a list, which cannot order documents` }] : []),
    ...whereValueProblems(collection.flattenedFields, where),
    ...(isReader(req.user) && !(keyReadsDrafts(req.user) && draft) ? readerWhereProblems(collection.flattenedFields, where, req.locale ?? undefined) : []),
  ]
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return args
}
