import type { Access, FlattenedField, Payload } from 'payload'

import { publicReadGeneration } from '@/api/publicReadCache'
import { isRecord } from '@/lib/isRecord'

import { keyReadsDrafts } from './apiKeys'
import { isReader } from './roles'

const mediaSlug = 'media'

const idOf = (value: unknown): number | undefined => {
  const id = isRecord(value) ? value.id : value
  return typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : undefined
}

/** Upload nodes of a rich-text value (Lexical JSON), wherever they sit. */
const richTextMedia = (node: unknown, found: Set<number>): void => {
  if (Array.isArray(node)) return node.forEach((child) => richTextMedia(child, found))
  if (!isRecord(node)) return
  if (node.type === 'upload' && node.relationTo === mediaSlug) {
    const id = idOf(node.value)
    if (id !== undefined) found.add(id)
  }
  for (const child of Object.values(node)) if (typeof child === 'object') richTextMedia(child, found)
}

/** The media a document's values point to: upload fields and rich text, in every locale it holds. */
const mediaIn = (fields: FlattenedField[], row: Record<string, unknown>, found: Set<number>): void => {
  for (const field of fields) {
    const stored = row[field.name]
    if (stored === undefined || stored === null) continue
    // Read with locale=all: a localized value is an object keyed by locale.
    const values = 'localized' in field && field.localized && isRecord(stored) ? Object.values(stored) : [stored]
    for (const value of values) {
      if (field.type === 'upload' && field.relationTo === mediaSlug) {
        for (const item of Array.isArray(value) ? value : [value]) {
          const id = idOf(item)
          if (id !== undefined) found.add(id)
        }
      } else if (field.type === 'richText') {
        richTextMedia(value, found)
      } else if ((field.type === 'group' || field.type === 'tab') && isRecord(value)) {
        mediaIn(field.flattenedFields, value, found)
      } else if (field.type === 'array' && Array.isArray(value)) {
        for (const item of value) if (isRecord(item)) mediaIn(field.flattenedFields, item, found)
      } else if (field.type === 'blocks' && Array.isArray(value)) {
        for (const item of value) {
          const block = isRecord(item) ? field.blocks.find((candidate) => candidate.slug === item.blockType) : undefined
          if (block && isRecord(item)) mediaIn(block.flattenedFields, item, found)
        }
      }
    }
  }
}

/**
 * Every medium a published locale of a public document uses, found by reading those documents as
 * a reader does (access and readersSeePublishedLocales apply): the same rule decides.
 */
const collectPublishedMedia = async (payload: Payload): Promise<number[]> => {
  const found = new Set<number>()
  const collections = payload.config.collections.filter((collection) => collection.custom?.publicApi === true && collection.slug !== mediaSlug)
  for (const collection of collections) {
    const { docs } = await payload.find({ collection: collection.slug, locale: 'all', depth: 0, pagination: false, overrideAccess: false })
    for (const doc of docs) mediaIn(collection.flattenedFields, doc as unknown as Record<string, unknown>, found)
  }
  return [...found]
}

type Known = { generation: number; ids: Promise<number[]> }
const knownKey = Symbol.for('lagon.publishedMedia')

/**
 * Kept until public content changes (the generation of the cache of public reads, bumped by every
 * write to a public collection, and again when it commits): one read of every published document
 * per change, not per request.
 */
export const publishedMediaIds = (payload: Payload): Promise<number[]> => {
  const global = globalThis as Record<symbol, Known | undefined>
  const generation = publicReadGeneration()
  const known = global[knownKey]
  if (known && known.generation === generation) return known.ids
  const ids = collectPublishedMedia(payload)
  global[knownKey] = { generation, ids }
  ids.catch(() => {
    if (global[knownKey]?.ids === ids) global[knownKey] = undefined
  })
  return ids
}

/**
 * Readers get the media published content shows, nothing else: an image uploaded for a draft, or
 * used only by a locale not yet published, is staff's (its record and its files alike: Payload
 * checks this access before serving a file). A `read-drafts` key (previews) gets them all.
 */
export const publishedMediaOrStaff: Access = async ({ req }) => {
  if (!isReader(req.user) || keyReadsDrafts(req.user)) return true
  const ids = await publishedMediaIds(req.payload)
  // No id is 0: a list nobody may see, rather than a 403 for the whole collection.
  return { id: { in: ids.length > 0 ? ids : [0] } }
}
