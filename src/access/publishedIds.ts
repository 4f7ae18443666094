import type { Access, CollectionSlug, FlattenedField, Payload } from 'payload'

import { expiryClock } from '@/freshness/taggedStore'
import { isRecord } from '@/lib/isRecord'

import { keyReadsDrafts } from './apiKeys'
import { eachValue } from './readerView'
import { isReader } from './roles'

export const mediaSlug = 'media'

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
const mediaIn = (fields: FlattenedField[], row: Record<string, unknown>, found: Set<number>): void =>
  eachValue(fields, row, (field, value) => {
    if (field.type === 'upload' && field.relationTo === mediaSlug) {
      for (const item of Array.isArray(value) ? value : [value]) {
        const id = idOf(item)
        if (id !== undefined) found.add(id)
      }
      return true
    }
    if (field.type === 'richText') {
      richTextMedia(value, found)
      return true
    }
    return false
  })

/**
 * Every medium a published locale of a public document uses, found by reading those documents as
 * a reader does (access and readersSeePublishedLocales apply): the same rule decides.
 */
const collectPublishedMedia = async (payload: Payload): Promise<Set<number>> => {
  const found = new Set<number>()
  const collections = payload.config.collections.filter((collection) => collection.custom?.publicApi === true && collection.slug !== mediaSlug)
  for (const collection of collections) {
    const { docs } = await payload.find({ ...scan, collection: collection.slug })
    for (const doc of docs) mediaIn(collection.flattenedFields, doc as unknown as Record<string, unknown>, found)
  }
  return found
}

/**
 * Reads made to learn what readers may see, as a reader (access and readersSeePublishedLocales
 * apply), flagged so that the hook does not ask for these sets again while they are being made.
 */
export const publishedScan = 'lagon.publishedScan'
const scan = { locale: 'all', depth: 0, pagination: false, overrideAccess: false, context: { [publishedScan]: true } } as const

/** Documents published in at least one locale. */
const collectPublished = async (payload: Payload, collection: string): Promise<Set<number>> => {
  const { docs } = await payload.find({ ...scan, collection: collection as CollectionSlug, select: { _status: true } })
  return new Set(docs.map((doc) => doc.id as number))
}

type Known = { generation: number; ids: Map<string, Promise<Set<number>>> }
const knownKey = Symbol.for('lagon.publishedIds')

/**
 * The ids of a collection a reader may read (for media: those published content uses). Kept
 * until public content changes (the clock of src/freshness/, which every change event moves, on
 * every instance): one read per change, not per request. It reads the whole collection: see the
 * scale note in docs/security.md.
 */
export const publishedIds = (payload: Payload, collection: string): Promise<Set<number>> => {
  const global = globalThis as Record<symbol, Known | undefined>
  const generation = expiryClock()
  if (global[knownKey]?.generation !== generation) global[knownKey] = { generation, ids: new Map() }
  const known = global[knownKey]!
  let ids = known.ids.get(collection)
  if (!ids) {
    ids = collection === mediaSlug ? collectPublishedMedia(payload) : collectPublished(payload, collection)
    known.ids.set(collection, ids)
    ids.catch(() => known.ids.delete(collection))
  }
  return ids
}

/**
 * Readers get the media published content shows, nothing else: an image uploaded for a draft, or
 * used only by a locale not yet published, is staff's (its record and its files alike: Payload
 * checks this access before serving a file). A `read-drafts` key (previews) gets them all.
 */
export const publishedMediaOrStaff: Access = async ({ req }) => {
  if (!isReader(req.user) || keyReadsDrafts(req.user)) return true
  const ids = [...(await publishedIds(req.payload, mediaSlug))]
  // No id is 0: a list nobody may see, rather than a 403 for the whole collection.
  return { id: { in: ids.length > 0 ? ids : [0] } }
}
