import {
  Kind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'

import { parsedDocument } from './graphqlDocument'
import type { Problem } from './problems'

export type GraphQLLimits = {
  /** Root fields of one operation: each runs at least one database query. */
  maxQueries: number
  /** Aliased fields in the whole document (the way to ask one thing many times). */
  maxAliases: number
  /** Nesting of selections, fragments expanded. */
  maxDepth: number
  /** Estimated cost: see `cost`. */
  maxComplexity: number
  /** Tokens the parser reads before giving up. */
  maxTokens: number
}

/** A root field's database work, next to the 1 of each field. */
const queryCost = 50
/** Documents a list returns when no `limit` says otherwise (Payload's default page). */
const defaultPage = 10
/** The largest `limit` or `page` taken (as in REST's strictQuery). */
const maxNumber = 1_000_000

type Fragments = Map<string, FragmentDefinitionNode>

/** A selection's size: its cost (see below), its fields at its own level, its aliases, its depth. */
type Summary = { cost: number; fields: number; aliases: number; depth: number }

const argument = (node: { arguments?: readonly { name: { value: string }; value: ValueNode }[] }, name: string, variables: Record<string, unknown>): unknown => {
  const value = node.arguments?.find((candidate) => candidate.name.value === name)?.value
  if (!value) return undefined
  if (value.kind === Kind.VARIABLE) return variables[value.name.value]
  if (value.kind === Kind.INT) return Number(value.value)
  if (value.kind === Kind.BOOLEAN) return value.value
  return undefined
}

const add = (a: Summary, b: Summary): Summary => ({
  cost: a.cost + b.cost,
  fields: a.fields + b.fields,
  aliases: a.aliases + b.aliases,
  depth: Math.max(a.depth, b.depth),
})

/**
 * What a selection costs: 1 a field, and a list's `docs` once per document it may return
 * (`limit`, default 10; without pagination, 1,000). A fragment costs what it holds each time it is
 * spread; each fragment is measured once, so a fragment spread twice in one spread twice in
 * another is arithmetic, not an exponential walk.
 */
const measure = (set: SelectionSetNode, fragments: Fragments, variables: Record<string, unknown>, known: Map<string, Summary>): Summary =>
  set.selections.reduce<Summary>(
    (sum, selection) => {
      if (selection.kind === Kind.INLINE_FRAGMENT) return add(sum, measure(selection.selectionSet, fragments, variables, known))
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value
        const fragment = fragments.get(name)
        if (!fragment) return sum
        if (!known.has(name)) known.set(name, measure(fragment.selectionSet, fragments, variables, known))
        return add(sum, known.get(name)!)
      }
      const field: Summary = { cost: 1, fields: 1, aliases: selection.alias ? 1 : 0, depth: 1 }
      if (!selection.selectionSet) return add(sum, field)
      const inner = measure(selection.selectionSet, fragments, variables, known)
      const limit = argument(selection, 'limit', variables)
      const pages = argument(selection, 'pagination', variables) === false ? 1000 : typeof limit === 'number' && limit > 0 ? limit : defaultPage
      // Only `docs` repeats per document; totalDocs, page and the like are counted once.
      const isList = selection.selectionSet.selections.some((child) => child.kind === Kind.FIELD && child.name.value === 'docs')
      return add(sum, { cost: 1 + (isList ? inner.cost * pages : inner.cost), fields: 1, aliases: field.aliases + inner.aliases, depth: 1 + inner.depth })
    },
    { cost: 0, fields: 0, aliases: 0, depth: 0 },
  )

/** The fragments a selection spreads, wherever in it. */
const spreads = (set: SelectionSetNode): string[] =>
  set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FRAGMENT_SPREAD) return [selection.name.value]
    return selection.selectionSet ? spreads(selection.selectionSet) : []
  })

/** A fragment that spreads itself, directly or not, as the path that closes the loop. */
const fragmentCycle = (fragments: Fragments): string[] | undefined => {
  const done = new Set<string>()
  const visit = (name: string, trail: string[]): string[] | undefined => {
    if (trail.includes(name)) return [...trail.slice(trail.indexOf(name)), name]
    if (done.has(name)) return undefined
    const fragment = fragments.get(name)
    const cycle = fragment ? spreads(fragment.selectionSet).reduce<string[] | undefined>((found, next) => found ?? visit(next, [...trail, name]), undefined) : undefined
    done.add(name)
    return cycle
  }
  for (const name of fragments.keys()) {
    const cycle = visit(name, [])
    if (cycle) return cycle
  }
  return undefined
}

/**
 * Problems with a GraphQL request's cost, found before anything runs: Payload's own
 * `maxComplexity` counts one per field and ignores list sizes, so 300 aliases of
 * `Articles { totalDocs }` pass it and run 300 queries. Also refused here: a document that does
 * not parse (Payload's complexity rule would recurse through a fragment cycle before GraphQL's
 * own validation reports it).
 */
export const graphqlCostProblems = (body: unknown, limits: GraphQLLimits): Problem[] => {
  const { query, variables, operationName } = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown }
  if (typeof query !== 'string') return [{ path: 'query', message: 'query: expected a GraphQL document (a string)' }]
  let document: DocumentNode
  try {
    document = parsedDocument(query, limits.maxTokens)
  } catch (error) {
    return [{ path: 'query', message: `query: ${(error as Error).message}` }]
  }
  const values = typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {}
  const fragments: Fragments = new Map()
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
  const chosen = operations.filter((operation) => operations.length === 1 || operation.name?.value === operationName)
  const cycle = fragmentCycle(fragments)
  if (cycle) return [{ path: 'query', message: `query: fragment ${cycle.join(' → ')} spreads itself` }]
  const problems: Problem[] = []
  const known = new Map<string, Summary>()
  for (const operation of chosen) {
    if (operation.operation === 'subscription') {
      problems.push({ path: 'query', message: 'query: subscriptions are not supported' })
      continue
    }
    // An undefined variable reaches Payload's complexity rule before GraphQL's validation, and fails there.
    const defined = new Set(operation.variableDefinitions?.map((definition) => definition.variable.name.value))
    const undefinedVariables = new Set<string>()
    for (const node of [operation, ...fragments.values()]) {
      visit(node, { Variable: (variable) => void (defined.has(variable.name.value) || undefinedVariables.add(variable.name.value)) })
    }
    if (undefinedVariables.size > 0) {
      problems.push({ path: 'query', message: `query: ${[...undefinedVariables].map((name) => `$${name}`).join(', ')} used but not declared` })
      continue
    }
    // Payload passes these to PostgreSQL as they are: a negative LIMIT, or an OFFSET past bigint, fails there.
    for (const node of [operation, ...fragments.values()]) {
      visit(node, {
        Field: (field) => {
          for (const [name, least] of [['limit', 0], ['page', 1]] as const) {
            const value = argument(field, name, values)
            if (typeof value === 'number' && (value < least || value > maxNumber)) {
              problems.push({ path: 'query', message: `query: ${name} between ${least} and ${maxNumber} (asked ${value})` })
            }
          }
        },
      })
    }
    const { cost, fields, aliases, depth } = measure(operation.selectionSet, fragments, values, known)
    const complexity = cost + fields * queryCost
    if (fields > limits.maxQueries) problems.push({ path: 'query', message: `query: at most ${limits.maxQueries} root fields in one operation (asked ${fields})` })
    if (aliases > limits.maxAliases) problems.push({ path: 'query', message: `query: at most ${limits.maxAliases} aliases (asked ${aliases})` })
    // Introspection (the playground's, codegen's) nests `ofType` deeper than any content query; it costs no database work.
    const introspection = operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'))
    if (depth > limits.maxDepth && !introspection) problems.push({ path: 'query', message: `query: nested at most ${limits.maxDepth} deep (asked ${depth})` })
    if (complexity > limits.maxComplexity) {
      problems.push({
        path: 'query',
        message: `query: costs ${complexity}, above the limit of ${limits.maxComplexity} (each field 1, each root field ${queryCost} more, a list's docs once per document of its limit)`,
      })
    }
  }
  return problems
}
