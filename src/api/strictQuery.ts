import { parse } from 'qs-esm'
import { validOperatorSet } from 'payload/shared'

import { localeCodes } from '@/lib/locales'

import { nulProblem, queryPath } from './nulCharacters'
import type { Problem } from './problems'

/** What Payload accepts besides a locale code: no fallback at all. */
const noFallback = ['none', 'null', 'false']
const operators = [...validOperatorSet].join(', ')
const wholeNumber = /^\d+$/
/** The largest `depth`, `limit` or `page` anyone may send (the OpenAPI document states it). */
export const maxNumber = 1_000_000

/** The query string as Payload reads it (the same parser and options as its createPayloadRequest). */
export const parseQuery = (search: string): Record<string, unknown> =>
  parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }) as Record<string, unknown>

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Payload reads `where[field][operator]=value`, nested field names (`where[seo][title][equals]`),
 * and `and`/`or` lists. It rejects unknown fields itself (a QueryError naming the path), but takes
 * an unknown operator for part of a field name and a bare value (`where[slug]=x`) for `slug.0`,
 * and a `where` that is a string it cannot parse as JSON ends in a 500.
 */
const expectOperator = (path: string) => `${path}: expected an operator, as in ${path}[equals]=…; operators are ${operators}`

/** `where[field]…`: operators with their values, or a nested field name (`where[seo][title][equals]`). */
const fieldProblems = (value: unknown, path: string): Problem[] => {
  if (!isPlainObject(value) || Object.keys(value).length === 0) return [{ path, message: expectOperator(path) }]
  return Object.entries(value).flatMap(([key, operand]): Problem[] => {
    if (validOperatorSet.has(key as never)) return []
    if (isPlainObject(operand)) return fieldProblems(operand, `${path}[${key}]`)
    return [{ path, message: `${path}: unknown operator "${key}"; operators are ${operators}` }]
  })
}

/** A set of conditions: fields, and `and`/`or` lists of further sets. */
const whereProblems = (where: unknown, path: string): Problem[] => {
  if (!isPlainObject(where)) return [{ path, message: `${path}: expected conditions such as ${path}[slug][equals]=…` }]
  return Object.entries(where).flatMap(([key, value]): Problem[] => {
    const here = `${path}[${key}]`
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) return [{ path: here, message: `${here}: expected a list, as in ${here}[0][slug][equals]=…` }]
      return value.flatMap((condition, index) => whereProblems(condition, `${here}[${index}]`))
    }
    if (validOperatorSet.has(key as never)) return [{ path: here, message: `${here}: an operator needs a field, as in ${path}[slug][${key}]=…` }]
    return fieldProblems(value, here)
  })
}

const parsedWhere = (where: unknown): { value: unknown; problem?: Problem } => {
  if (typeof where !== 'string') return { value: where }
  // Payload also takes `where` as one JSON object.
  try {
    return { value: JSON.parse(where) }
  } catch {
    return { value: undefined, problem: { path: 'where', message: 'where: not JSON, and not where[field][operator]=… conditions' } }
  }
}

const single = (query: Record<string, unknown>, name: string): { value?: string; problem?: Problem } => {
  const value = query[name]
  if (value === undefined) return {}
  if (typeof value !== 'string') return { problem: { path: name, message: `${name}: give it once, as a single value` } }
  return { value }
}

/**
 * Problems with the parameters every REST and GraphQL request may carry. Payload would silently
 * replace an unknown locale with the default one and ignore a malformed number; a client should
 * hear about its mistake instead.
 */
export const queryProblems = (query: Record<string, unknown>, { read }: { read: boolean }): Problem[] => {
  const problems: Problem[] = []
  // An empty value is taken as not given, as Payload does (and as the admin may send it).
  const check = (name: string, accept: (value: string) => boolean, message: string) => {
    const { value, problem } = single(query, name)
    if (problem) problems.push(problem)
    else if (value && !accept(value)) problems.push({ path: name, message: `${name}: "${value}" ${message}` })
  }
  const localesText = localeCodes.join(', ')
  check(
    'locale',
    (value) => (localeCodes as string[]).includes(value) || (read && (value === 'all' || value === '*')),
    read ? `is not a locale; accepted: ${localesText}, or all` : `is not a locale; accepted: ${localesText}`,
  )
  for (const name of ['fallback-locale', 'fallbackLocale']) {
    check(name, (value) => (localeCodes as string[]).includes(value) || noFallback.includes(value), `is not a locale; accepted: ${localesText}, or none`)
  }
  // Past maxNumber, Payload's offset ((page - 1) × limit) overflows what PostgreSQL takes.
  const inRange = (value: string) => wholeNumber.test(value) && Number(value) <= maxNumber
  for (const name of ['depth', 'limit']) check(name, inRange, `is not a whole number up to ${maxNumber}`)
  check('page', (value) => inRange(value) && Number(value) >= 1, `is not a page number (1 to ${maxNumber})`)
  const nul = nulProblem(query, queryPath)
  if (nul) problems.push(nul)
  for (const name of ['draft', 'pagination']) check(name, (value) => value === 'true' || value === 'false', 'is neither true nor false')
  if (query.where !== undefined) {
    const { value, problem } = parsedWhere(query.where)
    const nulInJson = typeof query.where === 'string' ? nulProblem(value, (path) => queryPath(['where', ...path])) : undefined
    problems.push(...(problem ? [problem] : nulInJson ? [nulInJson] : whereProblems(value, 'where')))
  }
  return problems
}

/**
 * A path Payload would fail on: percent-encoding that is not UTF-8 (`/api/articles/%C3%28`), which
 * its handlers decode without a guard, or a NUL (`/api/media/file/%00`), which reaches the file
 * system or the database.
 */
export const pathProblems = (pathname: string): Problem[] => {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return [{ path: 'path', message: 'path: percent-encoding that is not UTF-8' }]
  }
  return decoded.includes('\u0000') ? [{ path: 'path', message: 'path: contains a NUL character (U+0000)' }] : []
}
