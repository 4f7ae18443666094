import type { Block, Field, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { everyField } from '@/fields/tree'
import { englishOf } from '@/lib/adminLabels'

import { queryParameters } from './parameters'
import {
  blockSchema,
  blockSchemaName,
  collectionSchema,
  lexicalSchemas,
  pascalCase,
  ref,
  type SchemaContext,
} from './schemas'
import { searchOperation, searchResultsSchema } from './search'
import type { JsonSchema, OpenAPIDocument, Operation, Response } from './types'

/**
 * Collections of the public API: those that say so (`custom.publicApi`), content and media. Opt-in,
 * so that a new admin-only collection (accounts, keys, webhooks) is never documented by default.
 */
export const documentedCollections = (config: SanitizedConfig): SanitizedCollectionConfig[] =>
  config.collections.filter((collection) => collection.custom?.publicApi === true)

const englishSingular = (collection: SanitizedCollectionConfig): string => {
  return pascalCase(englishOf(collection.labels?.singular) ?? collection.slug)
}

type LexicalEditor = { editorConfig?: { resolvedFeatureMap?: Map<string, { sanitizedServerFeatureProps?: { blocks?: Block[] } }> } }

/** Blocks of `blocks` fields and of Lexical's BlocksFeature, anywhere in these fields. */
const blocksIn = (fields: Field[], found = new Map<string, Block>()): Map<string, Block> => {
  const add = (blocks: Block[]) => {
    for (const block of blocks) {
      if (found.has(block.slug)) continue
      found.set(block.slug, block)
      blocksIn(block.fields, found)
    }
  }
  for (const field of everyField(fields)) {
    if (field.type === 'blocks') add(field.blocks ?? [])
    else if (field.type === 'richText') {
      const editor = field.editor as LexicalEditor | undefined
      add(editor?.editorConfig?.resolvedFeatureMap?.get('blocks')?.sanitizedServerFeatureProps?.blocks ?? [])
    }
  }
  return found
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } })

const errorResponse = (description: string): Response => ({ description, content: json(ref('Errors')) })

const errorResponses: Record<string, Response> = {
  BadRequest: errorResponse('Invalid input: the message names the parameter or field (`data.errors[].path` for field validation).'),
  Unauthorized: errorResponse('The API key sent is unknown or revoked. (An invalid or expired staff token is not an error: the request is read as anonymous.)'),
  Forbidden: errorResponse('Not allowed: API keys never write, and anonymous readers only read.'),
  NotFound: errorResponse('No document with this id that you may read (drafts are not found for readers).'),
  PayloadTooLarge: errorResponse('The upload is larger than the server accepts.'),
  PreconditionFailed: {
    ...errorResponse(
      'The `If-Match` sent names an older revision: someone saved the document since. `data.revision` and `data.etag` (and the `ETag` header) give the current one.',
    ),
    headers: { ETag: { schema: { type: 'string' }, description: 'The current revision.' } },
  },
  TooManyRequests: {
    ...errorResponse('Too many requests: wait for `Retry-After` seconds.'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
  },
}

const responseRefs = (...names: (keyof typeof errorResponses)[]) => {
  const codes: Record<keyof typeof errorResponses, string> = {
    BadRequest: '400',
    Unauthorized: '401',
    Forbidden: '403',
    NotFound: '404',
    PayloadTooLarge: '413',
    PreconditionFailed: '412',
    TooManyRequests: '429',
  }
  return Object.fromEntries(names.map((name) => [codes[name], { $ref: `#/components/responses/${name}` }]))
}

const param = (name: string) => ({ $ref: `#/components/parameters/${name}` })

const readSecurity: Record<string, string[]>[] = [{}, { apiKey: [] }, { bearer: [] }]
const writeSecurity: Record<string, string[]>[] = [{ bearer: [] }]

const collectionOperations = (collection: SanitizedCollectionConfig, name: string, config: SanitizedConfig): OpenAPIDocument['paths'] => {
  const base = `${config.routes.api}/${collection.slug}`
  const tags = [collection.slug]
  const drafts = Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)
  const readParams = ['locale', 'fallbackLocale', 'depth', 'select', ...(drafts ? ['draft'] : [])].map(param)
  // Content collections count their saves (src/concurrency/): their saves may send If-Match.
  const revisions = collection.flattenedFields.some((field) => field.name === 'revision')
  const docResult: JsonSchema = {
    type: 'object',
    properties: { doc: ref(name), message: { type: 'string' } },
    required: ['doc'],
  }
  const body = collection.upload
    ? {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              file: { type: 'string', contentMediaType: 'application/octet-stream' },
              _payload: { type: 'string', contentMediaType: 'application/json', description: `The other fields, as JSON (${name}Input).` },
            },
          },
        },
      }
    : json(ref(`${name}Input`))
  const list: Operation = {
    operationId: `list${pascalCase(collection.slug)}`,
    summary: `List ${collection.slug}`,
    tags,
    parameters: [...readParams, ...['where', 'sort', 'limit', 'page'].map(param)],
    responses: {
      '200': { description: `A page of ${collection.slug}.`, content: json(ref(`${name}List`)) },
      ...responseRefs('BadRequest', 'Unauthorized', 'TooManyRequests'),
    },
    security: readSecurity,
  }
  const count: Operation = {
    operationId: `count${pascalCase(collection.slug)}`,
    summary: `Count ${collection.slug}`,
    tags,
    parameters: [param('locale'), param('where'), ...(drafts ? [param('draft')] : [])],
    responses: {
      '200': {
        description: 'How many documents match.',
        content: json({ type: 'object', properties: { totalDocs: { type: 'integer' } }, required: ['totalDocs'], additionalProperties: false }),
      },
      ...responseRefs('BadRequest', 'Unauthorized', 'TooManyRequests'),
    },
    security: readSecurity,
  }
  const byId: Operation = {
    operationId: `get${name}`,
    summary: `One ${name.toLowerCase()} by id`,
    tags,
    parameters: [param('id'), ...readParams],
    responses: {
      '200': { description: `The ${name.toLowerCase()}.`, content: json(ref(name)) },
      ...responseRefs('BadRequest', 'Unauthorized', 'NotFound', 'TooManyRequests'),
    },
    security: readSecurity,
  }
  const writeResponses = (success: string, description: string) => ({
    [success]: { description, content: json(docResult) },
    ...responseRefs('BadRequest', 'Unauthorized', 'Forbidden', ...(success === '201' ? [] : (['NotFound'] as const)), 'PayloadTooLarge', 'TooManyRequests'),
  })
  return {
    [base]: {
      get: list,
      post: {
        operationId: `create${name}`,
        summary: `Create a ${name.toLowerCase()} (staff)`,
        tags,
        parameters: [param('locale'), ...(drafts ? [param('draft')] : [])],
        requestBody: { required: true, content: body },
        responses: writeResponses('201', 'Created.'),
        security: writeSecurity,
      },
    },
    [`${base}/count`]: { get: count },
    [`${base}/{id}`]: {
      get: byId,
      patch: {
        operationId: `update${name}`,
        summary: `Update a ${name.toLowerCase()} (staff)`,
        tags,
        parameters: [param('id'), param('locale'), ...(drafts ? [param('draft')] : []), ...(revisions ? [param('ifMatch')] : [])],
        requestBody: { required: true, content: body },
        responses: { ...writeResponses('200', 'Updated.'), ...(revisions ? responseRefs('PreconditionFailed') : {}) },
        security: writeSecurity,
      },
      delete: {
        operationId: `delete${name}`,
        summary: `Delete a ${name.toLowerCase()} (admins)`,
        tags,
        parameters: [param('id')],
        responses: writeResponses('200', 'Deleted; the document as it was.'),
        security: writeSecurity,
      },
    },
  }
}

const paginated = (name: string): JsonSchema => ({
  type: 'object',
  properties: {
    docs: { type: 'array', items: ref(name) },
    totalDocs: { type: 'integer' },
    limit: { type: 'integer' },
    totalPages: { type: 'integer' },
    page: { type: 'integer' },
    pagingCounter: { type: 'integer' },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean' },
    prevPage: { type: ['integer', 'null'] },
    nextPage: { type: ['integer', 'null'] },
  },
  required: ['docs', 'totalDocs', 'limit', 'totalPages', 'page', 'pagingCounter', 'hasPrevPage', 'hasNextPage', 'prevPage', 'nextPage'],
  additionalProperties: false,
})

const description = (config: SanitizedConfig, collections: SanitizedCollectionConfig[]) => {
  const localization = config.localization || null
  return [
    'The read API of Lagon, a multilingual travel guide: published articles, carriers, tips and media.',
    '',
    `Collections: ${collections.map((collection) => `\`${collection.slug}\``).join(', ')}. Accounts and API keys are not part of the public API.`,
    localization
      ? `Locales: ${localization.localeCodes.map((code) => `\`${code}\``).join(', ')}; \`${localization.defaultLocale}\` is the source locale. Untranslated fields fall back (see \`fallback-locale\`).`
      : '',
    'Anonymous requests read published documents. An API key (`Authorization: api-keys API-Key <key>`) identifies an integration; it only reads, and a key of scope `read-drafts` may ask for drafts with `draft=true`.',
    'Errors are `{ "errors": [{ "message": "…" }] }`. GraphQL is at `/api/graphql`. Generated TypeScript types: `src/payload-types.ts`.',
  ]
    .filter(Boolean)
    .join('\n')
}

/** The OpenAPI 3.1 document of the REST API, computed from the running config so that it cannot drift from it. */
export const buildOpenAPIDocument = (config: SanitizedConfig): OpenAPIDocument => {
  const collections = documentedCollections(config)
  const schemaNames = new Map(collections.map((collection) => [collection.slug, englishSingular(collection)]))
  const localeCodes = config.localization ? config.localization.localeCodes : []
  const response: SchemaContext = { mode: 'response', localeCodes, schemaNames }
  const input: SchemaContext = { ...response, mode: 'input' }
  const blocks = [...blocksIn(collections.flatMap((collection) => collection.fields)).values()]
  const schemas: Record<string, JsonSchema> = {}
  const paths: OpenAPIDocument['paths'] = {}
  for (const collection of collections) {
    const name = schemaNames.get(collection.slug)!
    schemas[name] = collectionSchema(collection, response)
    schemas[`${name}Input`] = collectionSchema(collection, input)
    schemas[`${name}List`] = paginated(name)
    Object.assign(paths, collectionOperations(collection, name, config))
  }
  for (const block of blocks) schemas[blockSchemaName(block)] = blockSchema(block, response)
  paths[`${config.routes.api}/search`] = { get: searchOperation(localeCodes, config.localization ? config.localization.defaultLocale : '') }
  schemas.SearchResults = searchResultsSchema
  Object.assign(schemas, lexicalSchemas(blocks.map(blockSchemaName)), {
    Errors: {
      type: 'object',
      properties: {
        errors: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: { message: { type: 'string' }, name: { type: 'string' }, data: {} },
            required: ['message'],
          },
        },
      },
      required: ['errors'],
    },
  })
  return {
    openapi: '3.1.0',
    info: { title: 'Lagon content API', version: '1', description: description(config, collections) },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: config.serverURL || '/', description: 'This server' }],
    tags: [
      ...collections.map((collection) => ({ name: collection.slug, description: `${schemaNames.get(collection.slug)} documents.` })),
      { name: 'search', description: "Readers' search." },
    ],
    paths,
    components: {
      schemas,
      parameters: queryParameters(config),
      responses: errorResponses,
      securitySchemes: {
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'An integration\'s key, sent as `Authorization: api-keys API-Key <key>`. Read-only.',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A staff member\'s token from `POST /api/users/login` (also accepted as `Authorization: JWT <token>`).',
        },
      },
    },
  }
}

const built = new WeakMap<SanitizedConfig, OpenAPIDocument>()

/** The config does not change while the server runs: the document is computed once. */
export const openAPIDocument = (config: SanitizedConfig): OpenAPIDocument => {
  let document = built.get(config)
  if (!document) built.set(config, (document = buildOpenAPIDocument(config)))
  return document
}
