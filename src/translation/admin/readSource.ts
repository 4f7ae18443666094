import type { PayloadRequest } from 'payload'

import { isLocale, sourceLocale as defaultSourceLocale, type Locale } from '@/lib/locales'

import type { TranslatedCollection } from '../readInLocale'

type Doc = Record<string, unknown>

/** One read of the source per form render, however many fields show it. */
const reads = new WeakMap<PayloadRequest, Map<string, Promise<Doc | null>>>()

/** The document in its source locale (newest version, no fallback), as the editing user may read it. */
export const readSourceOnce = (req: PayloadRequest, collection: TranslatedCollection, id: number | string, source: Locale) => {
  const cache = reads.get(req) ?? new Map<string, Promise<Doc | null>>()
  reads.set(req, cache)
  const key = `${collection}/${id}/${source}`
  if (!cache.has(key)) {
    cache.set(
      key,
      req.payload
        .findByID({ collection, id, locale: source, fallbackLocale: false, draft: true, depth: 0, disableErrors: true, user: req.user })
        .then((doc) => doc as unknown as Doc | null),
    )
  }
  return cache.get(key)!
}

export const sourceLocaleOf = (data: unknown): Locale => {
  const value = (data as { sourceLocale?: unknown } | undefined)?.sourceLocale
  return isLocale(value) ? value : defaultSourceLocale
}

/** A value at a form path such as `offers.2.name`. */
export const valueAt = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Doc)[key] : undefined), doc)
