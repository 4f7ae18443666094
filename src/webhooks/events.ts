import { localeCodes, type Locale } from '@/lib/locales'
import { readerCollections } from '@/lib/readerCollections'

export const webhookEvents = ['published', 'unpublished', 'updated', 'deleted'] as const
export type WebhookEvent = (typeof webhookEvents)[number]

export const webhookCollections = readerCollections
export type WebhookCollection = (typeof webhookCollections)[number]

/** The field whose own (non-fallback) value says a locale has a translation, as the reader site decides. */
export const titleField: Record<WebhookCollection, 'title' | 'name'> = { articles: 'title', carriers: 'name', tips: 'title' }

/**
 * A document's row as the database holds it (`locale: 'all'`): localized values are objects keyed
 * by locale. This is the published state, since saving a draft writes only a version.
 */
export type StoredDocument = Record<string, unknown> & { id: number | string }

export type LocaleEvent = { event: WebhookEvent; locale: Locale }

/**
 * Bookkeeping rewritten by saves that readers do not see as a change: Payload's timestamps and
 * status, and the translation workflow's state (a source edit re-fingerprints every locale).
 */
const ignoredKeys = new Set(['updatedAt', 'createdAt', '_status', 'sourceFingerprint', 'translation'])

const isLocalizedValue = (value: unknown): value is Partial<Record<Locale, unknown>> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((key) => (localeCodes as string[]).includes(key))

/** One locale's view of a stored row: localized values (at any depth) replaced by that locale's own value. */
const inLocale = (value: unknown, locale: Locale): unknown => {
  if (isLocalizedValue(value)) return value[locale] ?? null
  if (Array.isArray(value)) return value.map((item) => inLocale(item, locale))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !ignoredKeys.has(key))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, inLocale(item, locale)]),
    )
  }
  return value
}

/**
 * `_status` is one value for the whole document today; with Payload's per-locale publishing
 * (`experimental.localizeStatus`) it becomes an object keyed by locale. Both are read here.
 */
const statusIn = (doc: StoredDocument, locale: Locale): unknown => {
  const status = doc._status
  return isLocalizedValue(status) ? status[locale] : status
}

const ownText = (value: unknown, locale: Locale): boolean => {
  const own = isLocalizedValue(value) ? value[locale] : value
  return typeof own === 'string' && own.trim() !== ''
}

/**
 * What readers see of a document in one locale: nothing, or its published content. A published
 * document counts as published in each locale that has its own title (the reader site's rule until
 * per-locale publishing lands; then `statusIn` alone decides, with the title still required).
 */
export const publishedContent = (
  doc: StoredDocument | null | undefined,
  collection: WebhookCollection,
  locale: Locale,
): string | null => {
  if (!doc || statusIn(doc, locale) !== 'published' || !ownText(doc[titleField[collection]], locale)) return null
  return JSON.stringify(inLocale(doc, locale))
}

/**
 * The (event, locale) pairs between two stored states of a document: before and after a save, or
 * before a delete (`next` null). Each locale is compared on its own: a locale becomes visible
 * (published), stops being visible (unpublished), changes while visible (updated), or disappears
 * with the document (deleted). A save that changes nothing readers see (a draft, an autosave, a
 * re-save without change) yields nothing.
 */
export const eventsBetween = (
  collection: WebhookCollection,
  previous: StoredDocument | null | undefined,
  next: StoredDocument | null,
): LocaleEvent[] =>
  localeCodes.flatMap((locale): LocaleEvent[] => {
    const before = publishedContent(previous, collection, locale)
    if (next === null) return before === null ? [] : [{ event: 'deleted', locale }]
    const after = publishedContent(next, collection, locale)
    if (before === null && after !== null) return [{ event: 'published', locale }]
    if (before !== null && after === null) return [{ event: 'unpublished', locale }]
    if (before !== null && after !== null && before !== after) return [{ event: 'updated', locale }]
    return []
  })
