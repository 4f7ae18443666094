import { AsyncLocalStorage } from 'node:async_hooks'

import type { CollectionAfterReadHook } from 'payload'

import { isLocale, localeCodes, localeWithFallbacks } from '@/lib/locales'
import { tags, type PublicCollection } from '@/site/tags'

/** On globalThis: the API route that collects and the hooks that note may come from different bundles. */
const key = Symbol.for('lagon.readTags')
const storage = ((globalThis as Record<symbol, AsyncLocalStorage<Set<string>> | undefined>)[key] ??= new AsyncLocalStorage())

/**
 * Runs `read` and collects the tags of every public document it read, populated ones included
 * (each passes through `noteReadDocument`): what a cached answer shows, and so what expires it.
 */
export const collectingReadTags = async <T>(read: () => Promise<T>): Promise<{ result: T; tags: string[] }> => {
  const collected = new Set<string>()
  const result = await storage.run(collected, read)
  return { result, tags: [...collected] }
}

/** The tags of a document read in `locale`: it, and its text in that locale and those it falls back to. */
export const documentReadTags = (collection: PublicCollection, id: number | string, locale: unknown): string[] => [
  tags.document(collection, id),
  ...(isLocale(locale) ? localeWithFallbacks(locale) : localeCodes).map((each) => tags.documentIn(collection, id, each)),
]

/** Notes, for `collectingReadTags`, each document of a public collection read, at any depth. */
export const noteReadDocument: CollectionAfterReadHook = ({ collection, doc, req }) => {
  const collected = storage.getStore()
  const id = (doc as { id?: number | string } | undefined)?.id
  if (collected && id !== undefined) for (const tag of documentReadTags(collection.slug as PublicCollection, id, req.locale)) collected.add(tag)
  return doc
}
