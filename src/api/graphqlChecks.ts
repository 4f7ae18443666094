import { graphqlCostProblems, type GraphQLLimits } from './graphqlCost'
import type { GraphQLParams } from './graphqlRequest'
import type { Problem } from './problems'
import { graphqlCapProblems } from './publicCaps'

export type GraphQLChecks = { cost: Problem[]; caps: Problem[] }

/**
 * The checks of a GraphQL request, by its document, variables and operation: both walk the
 * document (about a tenth of a millisecond a request), are pure, and clients send the same few
 * requests again and again, so a cached read need not pay them each time.
 */
const known = new Map<string, GraphQLChecks>()
const maxKnown = 500
/** A larger document is checked every time, not kept (as persisted queries, graphqlRequest.ts). */
const maxKeptLength = 64 * 1024

export const graphqlChecks = (params: GraphQLParams, limits: GraphQLLimits): GraphQLChecks => {
  const check = (): GraphQLChecks => ({ cost: graphqlCostProblems(params, limits), caps: graphqlCapProblems(JSON.stringify(params)) })
  if (typeof params.query !== 'string' || params.query.length > maxKeptLength) return check()
  const key = JSON.stringify([limits, params.operationName ?? null, params.variables ?? null, params.query])
  const hit = known.get(key)
  if (hit) return hit
  const checks = check()
  known.set(key, checks)
  if (known.size > maxKnown) known.delete(known.keys().next().value!)
  return checks
}
