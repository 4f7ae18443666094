import { createHash } from 'node:crypto'

import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql'
import { formatNames, toWords, type SanitizedConfig } from 'payload'

import { localeCodes } from '@/lib/locales'
import { tags, type PublicCollection } from '@/site/tags'

import type { GraphQLParams } from './graphqlRequest'

type RootField = { collection: PublicCollection; list: boolean }

/**
 * The root query fields that read a public collection (`custom.publicApi`), named as Payload's
 * GraphQL schema names them (@payloadcms/graphql initCollections): `Article` by id, `Articles`
 * and `countArticles` lists (`allMedia` where the plural is the singular).
 */
const rootFieldsOf = new WeakMap<SanitizedConfig, Map<string, RootField>>()
const rootFields = (config: SanitizedConfig): Map<string, RootField> => {
  let fields = rootFieldsOf.get(config)
  if (fields) return fields
  fields = new Map()
  for (const collection of config.collections) {
    if (collection.custom?.publicApi !== true || collection.graphQL === false) continue
    const names = collection.graphQL ?? {}
    const fromSlug = formatNames(collection.slug)
    const singular = names.singularName ? toWords(names.singularName, true) : fromSlug.singular
    let plural = names.pluralName ? toWords(names.pluralName, true) : fromSlug.plural
    if (singular === plural) plural = `all${singular}`
    const slug = collection.slug as PublicCollection
    fields.set(singular, { collection: slug, list: false })
    fields.set(plural, { collection: slug, list: true })
    fields.set(`count${plural}`, { collection: slug, list: true })
  }
  rootFieldsOf.set(config, fields)
  return fields
}

/** The operation a request runs: the only one, or the one `operationName` names. */
export const chosenOperation = (document: DocumentNode, operationName: unknown): OperationDefinitionNode | undefined => {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
  return operations.length === 1 && !operationName ? operations[0] : operations.find((operation) => operation.name?.value === operationName)
}

/**
 * Whether an operation only reads published content, the same for every reader (anonymous, a
 * `read` key): a query whose root fields all read public collections. Its cache tags are then the
 * lists of the collections it lists (a document appearing there changes it) besides the documents
 * it returned (noted as it reads them, src/freshness/readTags.ts). Anything else (a mutation,
 * `me`, accounts, access, versions, a fragment at the root) is not kept.
 */
export const graphqlListTags = (document: DocumentNode, operationName: unknown, config: SanitizedConfig): string[] | undefined => {
  const operation = chosenOperation(document, operationName)
  if (operation?.operation !== 'query') return undefined
  const fields = rootFields(config)
  const listed = new Set<PublicCollection>()
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return undefined
    if (selection.name.value === '__typename') continue
    const field = fields.get(selection.name.value)
    if (!field) return undefined
    if (field.list) listed.add(field.collection)
  }
  return [...listed].flatMap((collection) => localeCodes.map((locale) => tags.lists(collection, locale)))
}

/**
 * A GraphQL read's entry in the cache of public reads: the route and the query string left to
 * Payload (`locale`…), the document's hash, the operation, the variables, and the media type the
 * client accepts (the same data comes as application/json or application/graphql-response+json).
 */
export const graphqlCacheKey = (url: URL, params: GraphQLParams, accept: string | null): string =>
  [
    `${url.pathname}${url.search}`,
    createHash('sha256').update(String(params.query)).digest('base64url'),
    typeof params.operationName === 'string' ? params.operationName : '',
    JSON.stringify(params.variables ?? null),
    (accept ?? '').replace(/\s/g, '').toLowerCase(),
  ].join('\n')

/** Whether a GraphQL answer reports an error: such an answer is relayed, never kept. */
export const reportsErrors = (body: Uint8Array): boolean => {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { errors?: unknown[] }
    return Array.isArray(parsed.errors) && parsed.errors.length > 0
  } catch {
    return true
  }
}
