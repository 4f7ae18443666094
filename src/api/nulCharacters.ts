import type { Problem } from './problems'

/**
 * PostgreSQL's text cannot hold U+0000: a NUL anywhere in a value, or a key, ends in a database
 * error (a 500) or in a string that cannot be stored. The first one found, named by `name(path)`.
 */
export const nulProblem = (value: unknown, name: (path: string[]) => string, path: string[] = []): Problem | undefined => {
  if (typeof value === 'string') {
    if (!value.includes('\u0000')) return undefined
    const at = name(path) || 'body'
    return { path: at, message: `${at}: contains a NUL character (U+0000)` }
  }
  if (typeof value !== 'object' || value === null) return undefined
  for (const [key, item] of Object.entries(value)) {
    const problem = nulProblem(key, name, path) ?? nulProblem(item, name, [...path, key])
    if (problem) return problem
  }
  return undefined
}

/** `where[title][equals]`, as the query string wrote it. */
export const queryPath = ([first, ...rest]: string[]): string => (first === undefined ? 'query' : `${first}${rest.map((key) => `[${key}]`).join('')}`)

/** `sources.0.url`, as validation errors name fields. */
export const bodyPath = (path: string[]): string => path.join('.')
