import type { Block, Field, SanitizedCollectionConfig } from 'payload'

import { isLocalized } from '@/fields/tree'
import { englishOf } from '@/lib/adminLabels'

import type { JsonSchema } from './types'

/** Responses (relationships may be populated objects, server-set fields present) or request bodies. */
export type SchemaMode = 'response' | 'input'

export type SchemaContext = {
  mode: SchemaMode
  localeCodes: string[]
  /** Collection slug → component name, for the collections the document describes. */
  schemaNames: Map<string, string>
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] })

/** With `locale=all` a localized field is an object of its values per locale. */
const localizedValue = (schema: JsonSchema, { localeCodes, mode }: SchemaContext): JsonSchema =>
  mode === 'input'
    ? schema
    : {
        anyOf: [
          schema,
          {
            type: 'object',
            description: 'With `locale=all`: the value in each locale (null where it has none).',
            properties: Object.fromEntries(localeCodes.map((code) => [code, nullable(schema)])),
            additionalProperties: false,
          },
        ],
      }

const withDescription = (schema: JsonSchema, field: Field): JsonSchema => {
  const description = 'label' in field ? englishOf(field.label) : undefined
  return description ? { ...schema, description } : schema
}

/** A related document: its id, or the document itself when `depth` populated it. */
const relatedTo = (relationTo: string, context: SchemaContext): JsonSchema => {
  const id: JsonSchema = { type: 'integer', description: `Id of a ${relationTo} document.` }
  if (context.mode === 'input') return id
  const name = context.schemaNames.get(relationTo)
  return { anyOf: [id, name ? ref(name) : { type: 'object', description: `A ${relationTo} document.` }] }
}

const relationshipSchema = (field: Extract<Field, { type: 'relationship' | 'upload' }>, context: SchemaContext): JsonSchema => {
  const one: JsonSchema = Array.isArray(field.relationTo)
    ? {
        type: 'object',
        properties: {
          relationTo: { enum: field.relationTo },
          value: { anyOf: field.relationTo.map((slug) => relatedTo(slug, context)) },
        },
        required: ['relationTo', 'value'],
        additionalProperties: false,
      }
    : relatedTo(field.relationTo, context)
  return field.hasMany ? { type: 'array', items: one } : one
}

const optionValues = (options: readonly (string | { value: string })[]): string[] =>
  options.map((option) => (typeof option === 'string' ? option : option.value))

export const blockSchemaName = (block: Block): string => `Block${pascalCase(block.slug)}`

export const pascalCase = (text: string): string =>
  text
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')

/** The value of one field that stores data, before null and localization are accounted for. */
const valueSchema = (field: Field, context: SchemaContext): JsonSchema | null => {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code': {
      const string: JsonSchema = { type: 'string', ...('maxLength' in field && field.maxLength ? { maxLength: field.maxLength } : {}) }
      return 'hasMany' in field && field.hasMany ? { type: 'array', items: string } : string
    }
    case 'number':
      return field.hasMany ? { type: 'array', items: { type: 'number' } } : { type: 'number' }
    case 'checkbox':
      return { type: 'boolean' }
    case 'date':
      return { type: 'string', format: 'date-time' }
    case 'select':
    case 'radio': {
      const one: JsonSchema = { type: 'string', enum: optionValues(field.options) }
      return field.type === 'select' && field.hasMany ? { type: 'array', items: one } : one
    }
    case 'relationship':
    case 'upload':
      return relationshipSchema(field, context)
    case 'richText':
      return ref('LexicalRichText')
    case 'json':
      return {}
    case 'point':
      return { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[longitude, latitude]' }
    case 'group':
      return objectSchema(field.fields, context)
    case 'array': {
      const item = objectSchema(field.fields, context)
      return { type: 'array', items: addProperties(item, { id: { type: 'string' } }, ['id']) }
    }
    case 'blocks':
      return { type: 'array', items: { anyOf: (field.blocks ?? []).map((block) => ref(blockSchemaName(block))) } }
    default:
      return null
  }
}

const addProperties = (schema: JsonSchema, properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  ...schema,
  properties: { ...(schema.properties as Record<string, JsonSchema>), ...properties },
  required: [...((schema.required as string[] | undefined) ?? []), ...required],
})

/** Fields Payload fills itself: documented in responses, never sent. */
const serverSet = new Set(['id', 'createdAt', 'updatedAt', 'url', 'thumbnailURL', 'filename', 'mimeType', 'filesize', 'width', 'height', 'sizes'])

/** The properties that `fields` contribute to the object they are in (rows, collapsibles and unnamed tabs add theirs to it). */
export const fieldProperties = (fields: Field[], context: SchemaContext): Record<string, JsonSchema> => {
  const properties: Record<string, JsonSchema> = {}
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) properties[tab.name] = nullable(objectSchema(tab.fields, context))
        else Object.assign(properties, fieldProperties(tab.fields, context))
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if ('fields' in field) Object.assign(properties, fieldProperties(field.fields, context))
      continue
    }
    if (field.type === 'ui' || field.type === 'join' || field.hidden) continue
    if (context.mode === 'input' && (serverSet.has(field.name) || field.admin?.readOnly)) continue
    const value = valueSchema(field, context)
    if (!value) continue
    const localized = isLocalized(field) ? localizedValue(value, context) : value
    properties[field.name] = withDescription(nullable(localized), field)
  }
  return properties
}

/** Closed objects: a property the config does not declare is drift, and the contract test says so. */
export const objectSchema = (fields: Field[], context: SchemaContext): JsonSchema => ({
  type: 'object',
  properties: fieldProperties(fields, context),
  additionalProperties: false,
})

export const collectionSchema = (collection: SanitizedCollectionConfig, context: SchemaContext): JsonSchema => {
  const schema = objectSchema(collection.fields, context)
  if (context.mode === 'input') return schema
  // `select` may leave out any field but the id.
  return addProperties(schema, { id: { type: 'integer' } }, ['id'])
}

export const blockSchema = (block: Block, context: SchemaContext): JsonSchema =>
  addProperties(
    objectSchema(block.fields, context),
    { id: { type: ['string', 'null'] }, blockType: { const: block.slug }, blockName: { type: ['string', 'null'] } },
    ['blockType'],
  )

/** Lexical's JSON: a tree of nodes under `root`. Nodes are open objects: each feature adds its own keys. */
export const lexicalSchemas = (blockNames: string[]): Record<string, JsonSchema> => ({
  LexicalRichText: {
    type: 'object',
    description: 'Rich text as Lexical editor state (JSON). Render it with @payloadcms/richtext-lexical or walk `root.children`.',
    properties: {
      root: {
        type: 'object',
        properties: {
          type: { const: 'root' },
          children: { type: 'array', items: ref('LexicalNode') },
          direction: { enum: ['ltr', 'rtl', null] },
          format: { type: 'string' },
          indent: { type: 'integer' },
          version: { type: 'integer' },
        },
        required: ['type', 'children'],
      },
    },
    required: ['root'],
  },
  LexicalNode: {
    type: 'object',
    description: `A node: paragraph, heading, list, listitem, quote, link, text, upload, relationship, horizontalrule, or block. A block node (\`type: "block"\`) carries its fields in \`fields\`, one of: ${blockNames.join(', ') || 'none'}.`,
    properties: {
      type: { type: 'string' },
      version: { type: 'integer' },
      children: { type: 'array', items: ref('LexicalNode') },
      text: { type: 'string' },
      fields: { type: 'object' },
    },
    required: ['type'],
  },
})
