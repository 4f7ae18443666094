import type { Payload, PayloadRequest, Where } from 'payload'

import { needsReverification } from '@/fields/sourceQuality'

import { isLocale, localeCodes, sourceLocale as defaultSourceLocale, type Locale } from '@/lib/locales'

import { sourceChanges, type FieldChange } from './diff'
import { isTranslatedCollection, translatedCollections, type TranslatedCollection } from './documents'
import { translatableContent } from './sourceContent'
import { translationStatus } from './status'
import { translationStatuses, type TranslationStatus } from './statuses'
import type { Finding } from './qa/types'
import { translatableFields } from './translatableFields'

/** One document in one target locale. */
export type TranslationRow = {
  collection: TranslatedCollection
  id: number
  title: string
  sourceLocale: Locale
  locale: Locale
  status: TranslationStatus
  assignee: number | null
  translatedAt: string | null
  updatedAt: string
  /** Translation QA as stored by the last save of this locale (src/translation/qa/). */
  qa: QaCounts
  /** The record's `lastVerified` is older than `LAGON_REVERIFY_AFTER_DAYS` (or missing). */
  needsReverification: boolean
}

export type QaCounts = { errors: number; warnings: number; findings: Finding[] }

export type TranslationFilters = {
  collection?: TranslatedCollection
  locale?: Locale
  status?: TranslationStatus
  /** A user id, or `none` for translations nobody is assigned to. */
  assignee?: number | 'none'
  /** `errors`: only translations whose stored QA has errors. */
  qa?: 'errors'
}

export type TranslationReport = {
  /** Per status, over the rows the collection, locale and assignee filters keep (not the status filter). */
  counts: Record<TranslationStatus, number>
  rows: TranslationRow[]
}

type Doc = Record<string, unknown> & { id: number }
type Translation = {
  assignee?: number | { id: number } | null
  translatedAt?: string | null
  sourceSnapshot?: unknown
  qaErrors?: number | null
  qaWarnings?: number | null
  qaFindings?: Finding[] | null
}

/** A locale's stored QA; a translation saved before QA existed counts as unchecked (none). */
export const storedQa = (translation: Translation): QaCounts => ({
  errors: Number(translation.qaErrors ?? 0),
  warnings: Number(translation.qaWarnings ?? 0),
  findings: Array.isArray(translation.qaFindings) ? translation.qaFindings : [],
})

/**
 * The has-errors filter as a query condition, for a paginated read of one locale (the stored
 * count is indexed): `{ 'translation.qaErrors': { greater_than: 0 } }`.
 */
export const qaWhere = (filters: TranslationFilters): Where | null =>
  filters.qa === 'errors' ? { 'translation.qaErrors': { greater_than: 0 } } : null

const assigneeId = (value: Translation['assignee']): number | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

/** Filters read from query parameters; an unknown value is an error naming its parameter. */
export const parseFilters = (query: Record<string, unknown>): TranslationFilters | { error: string } => {
  const filters: TranslationFilters = {}
  const { collection, locale, status, assignee, qa } = query
  if (collection) {
    if (!isTranslatedCollection(collection)) return { error: `collection: must be one of ${translatedCollections.join(', ')}.` }
    filters.collection = collection
  }
  if (locale) {
    if (!isLocale(locale)) return { error: `locale: must be one of ${localeCodes.join(', ')}.` }
    filters.locale = locale
  }
  if (status) {
    if (!(translationStatuses as readonly unknown[]).includes(status)) {
      return { error: `status: must be one of ${translationStatuses.join(', ')}.` }
    }
    filters.status = status as TranslationStatus
  }
  if (assignee) {
    if (assignee !== 'none' && !/^\d+$/.test(String(assignee))) return { error: 'assignee: must be a user id or "none".' }
    filters.assignee = assignee === 'none' ? 'none' : Number(assignee)
  }
  if (qa) {
    if (qa !== 'errors') return { error: 'qa: must be "errors".' }
    filters.qa = 'errors'
  }
  return filters
}

/** Whose eyes: readers are given published versions whatever they ask (`readersGetPublished`), staff the newest. */
type Reader = PayloadRequest['user']

const readAll = async (payload: Payload, collection: TranslatedCollection, locale: Locale, user: Reader) =>
  (
    await payload.find({
      collection,
      locale,
      fallbackLocale: false,
      draft: true,
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      user,
    })
  ).docs as unknown as Doc[]

/**
 * Every article, carrier and tip in every target locale with its computed status: the data of the
 * translation dashboard and of `GET /api/translations/status`. The newest versions (drafts
 * included) are read: that is what translators work on.
 */
export const translationReport = async (
  payload: Payload,
  user: Reader,
  filters: TranslationFilters = {},
): Promise<TranslationReport> => {
  const collections = filters.collection ? [filters.collection] : translatedCollections
  const all: TranslationRow[] = []
  for (const collection of collections) {
    const config = payload.collections[collection].config
    const fields = translatableFields(config.fields)
    const titleField = config.admin.useAsTitle ?? 'id'
    const byLocale = new Map<Locale, Map<number, Doc>>()
    for (const locale of localeCodes) {
      byLocale.set(locale, new Map((await readAll(payload, collection, locale, user)).map((doc) => [doc.id, doc])))
    }
    for (const [id, any] of byLocale.get(localeCodes[0]!)!) {
      const source = isLocale(any.sourceLocale) ? any.sourceLocale : defaultSourceLocale
      const sourceDoc = byLocale.get(source)!.get(id)!
      for (const locale of localeCodes) {
        if (locale === source || (filters.locale && filters.locale !== locale)) continue
        const doc = byLocale.get(locale)!.get(id)!
        const translation = (doc.translation ?? {}) as Translation
        all.push({
          collection,
          id,
          title: String(sourceDoc[titleField] ?? doc[titleField] ?? id),
          sourceLocale: source,
          locale,
          status: translationStatus(doc, any.sourceFingerprint as string | null, fields),
          assignee: assigneeId(translation.assignee),
          translatedAt: translation.translatedAt ?? null,
          updatedAt: String(doc.updatedAt),
          qa: storedQa(translation),
          needsReverification: needsReverification(sourceDoc.lastVerified as string | null | undefined),
        })
      }
    }
  }
  const kept = all.filter(
    (row) =>
      (filters.assignee === undefined || row.assignee === (filters.assignee === 'none' ? null : filters.assignee)) &&
      (filters.qa !== 'errors' || row.qa.errors > 0),
  )
  const counts = Object.fromEntries(translationStatuses.map((status) => [status, 0])) as Record<TranslationStatus, number>
  for (const row of kept) counts[row.status] += 1
  return { counts, rows: filters.status ? kept.filter((row) => row.status === filters.status) : kept }
}

export type TranslationDetail = {
  collection: TranslatedCollection
  id: number
  locale: Locale
  sourceLocale: Locale
  /** `null` in the source locale, which is not a translation. */
  status: TranslationStatus | null
  translatedAt: string | null
  /** For an outdated translation: what changed in the source since it was made. */
  changes: FieldChange[]
  /** Translation QA as stored by the last save of this locale. */
  qa: QaCounts
}

/** One translation's status and, when outdated, the source changes since it was made. */
export const translationDetail = async (
  payload: Payload,
  collection: TranslatedCollection,
  id: number | string,
  locale: Locale,
  user: Reader,
): Promise<TranslationDetail | null> => {
  const read = async (inLocale: Locale) =>
    (await payload.findByID({
      collection,
      id,
      locale: inLocale,
      fallbackLocale: false,
      draft: true,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      user,
    })) as unknown as Doc | null
  const doc = await read(locale)
  if (!doc) return null
  const source = isLocale(doc.sourceLocale) ? doc.sourceLocale : defaultSourceLocale
  const fields = translatableFields(payload.collections[collection].config.fields)
  const translation = (doc.translation ?? {}) as Translation
  const status = locale === source ? null : translationStatus(doc, doc.sourceFingerprint as string | null, fields)
  const sourceDoc = status === 'outdated' ? await read(source) : null
  return {
    collection,
    id: doc.id,
    locale,
    sourceLocale: source,
    status,
    translatedAt: translation.translatedAt ?? null,
    qa: storedQa(translation),
    changes: sourceDoc
      ? sourceChanges((translation.sourceSnapshot ?? {}) as Record<string, unknown>, translatableContent(sourceDoc, fields))
      : [],
  }
}
