import type { FlattenedField } from 'payload'

import type { Problem } from './problems'

/** PostgreSQL's `integer`: ids and relations are stored in it, and a larger number fails as a 500. */
const maxId = 2_147_483_647
export const isStoredId = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxId) ||
  (typeof value === 'string' && /^\d{1,10}$/.test(value) && Number(value) <= maxId)

const listOperators = new Set(['in', 'not_in', 'all'])
const valueOperators = new Set(['equals', 'not_equals', ...listOperators])
const geoOperators = new Set(['near', 'within', 'intersects'])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const values = (operator: string, value: unknown): unknown[] => {
  if (!listOperators.has(operator)) return [value]
  if (Array.isArray(value)) return value
  return typeof value === 'string' ? value.split(',') : [value]
}

type Target = { kind: 'id' } | { kind: 'field'; field: FlattenedField } | { kind: 'beyond' }

/** The field a where path ends on; past a relationship Payload resolves the rest (and checks it). */
const resolve = (fields: FlattenedField[], path: string[]): Target | undefined => {
  const [name, ...rest] = path
  if (name === 'id' && rest.length === 0) return { kind: 'id' }
  const field = fields.find((candidate) => candidate.name === name)
  if (!field) return undefined
  if (rest.length === 0) return { kind: 'field', field }
  if ((field.type === 'group' || field.type === 'tab' || field.type === 'array') && 'flattenedFields' in field) return resolve(field.flattenedFields, rest)
  return { kind: 'beyond' }
}

const optionValues = (field: FlattenedField): string[] | undefined =>
  field.type === 'select' || field.type === 'radio'
    ? field.options.map((option) => (typeof option === 'string' ? option : option.value))
    : undefined

const base = ['equals', 'not_equals', 'in', 'not_in', 'exists']
const comparisons = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const textSearch = ['like', 'not_like', 'contains']

/**
 * The operators PostgreSQL can apply to what a field is stored as: `like` on an integer, an enum
 * or JSON, `greater_than` on an enum, `all` on a single value, each fails in the database (a 500).
 * `undefined`: any (or Payload decides).
 */
const operatorsFor = (target: Target): string[] | undefined => {
  if (target.kind === 'id') return [...base, ...comparisons]
  if (target.kind !== 'field') return undefined
  const { field } = target
  const many = 'hasMany' in field && field.hasMany === true ? ['all'] : []
  switch (field.type) {
    case 'number':
      return [...base, ...comparisons, ...many]
    case 'date':
      return [...base, ...comparisons]
    case 'select':
    case 'radio':
    case 'relationship':
    case 'upload':
      return [...base, ...many]
    case 'checkbox':
    case 'richText':
    case 'json':
      return base
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      // Localized lists of text (slug history) are stored where Payload's queries do not reach.
      if (many.length > 0 && field.localized) return []
      // `all` on a list of text fails in the database (a 500): Payload's adapter cannot build it.
      return [...base, ...comparisons, ...textSearch]
    case 'point':
      return ['equals', 'not_equals', 'exists', 'near', 'within', 'intersects']
    default:
      return undefined
  }
}

const operandProblem = (target: Target, operator: string, operand: unknown): string | undefined => {
  const accepted = operatorsFor(target)
  const field = target.kind === 'field' ? target.field : undefined
  if (geoOperators.has(operator) && field?.type !== 'point') return `${operator} applies to point fields only`
  if (accepted && !accepted.includes(operator)) {
    const kind = target.kind === 'id' ? 'an id' : `a ${field!.type}${'hasMany' in field! && field!.hasMany ? ' list' : ''} field`
    return accepted.length === 0 ? `${kind} cannot be searched` : `${operator} does not apply to ${kind}; use ${accepted.join(', ')}`
  }
  if (operator === 'exists') return ['true', 'false', true, false].includes(operand as never) ? undefined : 'exists takes true or false'
  if (target.kind === 'id' && comparisons.includes(operator) && !isStoredId(operand)) return `"${String(operand)}" is not an id`
  if (!valueOperators.has(operator)) return undefined
  const wrong = values(operator, operand).find((value) => {
    if (value === null || value === 'null' || value === '') return false
    if (target.kind === 'id' || field?.type === 'relationship' || field?.type === 'upload') return !isStoredId(isPlainObject(value) ? value.value : value)
    // A checkbox column is a boolean: any other text fails in the database.
    if (field?.type === 'checkbox') return !['true', 'false', true, false].includes(value as never)
    const options = field && optionValues(field)
    return options ? !options.includes(String(value)) : false
  })
  if (wrong === undefined) return undefined
  if (field?.type === 'checkbox') return `"${String(wrong)}" is not true or false`
  const options = field && optionValues(field)
  return options ? `"${String(wrong)}" is not one of ${options.join(', ')}` : `"${String(wrong)}" is not an id`
}

/**
 * Values PostgreSQL would refuse, so that Payload's query ends in a 500: text for an id or a
 * relation, a number beyond `integer`, a value outside a select's options (an enum column),
 * `near` on a field that is not a point. Fields themselves are checked by Payload (QueryError).
 */
export const whereValueProblems = (fields: FlattenedField[], where: unknown, prefix: string[] = [], at = 'where'): Problem[] => {
  if (!isPlainObject(where)) return []
  return Object.entries(where).flatMap(([key, value]): Problem[] => {
    if ((key === 'and' || key === 'or') && prefix.length === 0 && Array.isArray(value)) {
      return value.flatMap((condition, index) => whereValueProblems(fields, condition, [], `${at}[${key}][${index}]`))
    }
    if (!isPlainObject(value)) {
      if (prefix.length === 0) return []
      const path = prefix.join('.')
      const target = resolve(fields, prefix)
      const message = target && operandProblem(target, key, value)
      return message ? [{ path: `${at}[${path}][${key}]`, message: `${at}[${path}][${key}]: ${message}` }] : []
    }
    return whereValueProblems(fields, value, [...prefix, ...key.split('.')], at)
  })
}
