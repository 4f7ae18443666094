import { Kind, visit, type ValueNode } from 'graphql'

import { parsedDocument } from './graphqlDocument'
import type { Problem } from './problems'
import { graphqlMaxTokens, maxPublicDepth, maxPublicLimit } from './settings'

/**
 * Too much is a 400 naming the maximum, not a silent clamp: a shorter list or unpopulated
 * relations could pass for the whole answer. Staff keep Payload's own limits (the admin lists and
 * deletes with limit=0). Checked on the client's own parameters, not in a hook: Payload's own
 * operations inside a request (first-register counts users with pagination off) are not the client's.
 */
const limitProblem = (limit: number | undefined, pagination: boolean | undefined, path: string): Problem[] => {
  if (pagination === false) return [{ path, message: `${path}: between 1 and ${maxPublicLimit} documents a page; pagination cannot be turned off` }]
  if (limit !== undefined && (limit < 1 || limit > maxPublicLimit)) {
    return [{ path, message: `${path}: between 1 and ${maxPublicLimit} documents a page (asked ${limit})` }]
  }
  return []
}

/** REST: `depth`, `limit` and `pagination` of the URL (their syntax is checked by strictQuery). */
export const restCapProblems = (query: Record<string, unknown>): Problem[] => {
  const number = (name: string) => (typeof query[name] === 'string' ? Number(query[name]) : undefined)
  const depth = number('depth')
  return [
    ...(depth !== undefined && depth > maxPublicDepth ? [{ path: 'depth', message: `depth: at most ${maxPublicDepth} (asked ${depth})` }] : []),
    ...limitProblem(number('limit'), query.pagination === 'false' ? false : undefined, 'limit'),
  ]
}

const literal = (node: ValueNode, variables: Record<string, unknown>): unknown => {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value]
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.BOOLEAN) return node.value
  return undefined
}

/** GraphQL: every `limit` and `pagination` argument of the document, literal or variable. */
export const graphqlCapProblems = (body: string): Problem[] => {
  let query: unknown
  let variables: Record<string, unknown> = {}
  try {
    ;({ query, variables = {} } = JSON.parse(body) as { query?: unknown; variables?: Record<string, unknown> })
    if (typeof query !== 'string') return []
    const problems: Problem[] = []
    visit(parsedDocument(query, graphqlMaxTokens), {
      Argument(node) {
        const value = literal(node.value, variables ?? {})
        if (node.name.value === 'limit' && typeof value === 'number') problems.push(...limitProblem(value, undefined, 'limit'))
        if (node.name.value === 'pagination' && value === false) problems.push(...limitProblem(undefined, false, 'pagination'))
      },
    })
    return problems
  } catch {
    // Not a document GraphQL can run: its own answer (a 400) says why.
    return []
  }
}
