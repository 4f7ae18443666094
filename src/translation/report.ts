import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { needsReverification } from '@/fields/sourceQuality'

import { isLocale, localeCodes, sourceLocale as defaultSourceLocale, type Locale } from '@/lib/locales'

import { sourceChanges, type FieldChange } from './diff'
import { isTranslatedCollection, translatedCollections, type TranslatedCollection } from './documents'
import { translationRows } from './reportRows'
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
  /** One page of the rows every filter keeps. */
  rows: TranslationRow[]
  page: number
  limit: number
  /** Rows every filter keeps, over all pages. */
  totalRows: number
  totalPages: number
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

/** One page of the report: rows `limit` at a time, newest changes first. */
export type ReportPage = { page: number; limit: number }

export const reportPageSize = 50
const maxReportPageSize = 200

/** `page` and `limit` read from query parameters; a bad value is an error naming its parameter. */
export const parsePage = (query: Record<string, unknown>): ReportPage | { error: string } => {
  const { page = '1', limit = String(reportPageSize) } = query
  if (!/^\d{1,6}$/.test(String(page)) || Number(page) < 1) return { error: 'page: must be a whole number from 1.' }
  if (!/^\d{1,3}$/.test(String(limit)) || Number(limit) < 1 || Number(limit) > maxReportPageSize) {
    return { error: `limit: must be a whole number from 1 to ${maxReportPageSize}.` }
  }
  return { page: Number(page), limit: Number(limit) }
}

type StoredRow = {
  collection: TranslatedCollection
  id: number | string
  title: string
  source_locale: string
  locale: Locale
  status: TranslationStatus
  assignee: number | string | null
  translated_at: string | Date | null
  updated_at: string | Date
  qa_errors: number | string | null
  qa_warnings: number | string | null
  qa_findings: Finding[] | null
  last_verified: string | Date | null
}

const iso = (value: string | Date): string => new Date(value).toISOString()

/**
 * Every article, carrier and tip in every target locale with its status (the newest versions,
 * drafts included: what translators work on), one page at a time: the data of the translation
 * dashboard and of `GET /api/translations/status`. Statuses are decided in the database
 * (src/translation/reportRows.ts): a page costs two queries (the counts, the page's rows) and
 * brings `limit` rows into the server, whatever the number of documents.
 */
export const translationReport = async (
  payload: Payload,
  filters: TranslationFilters = {},
  { page, limit }: ReportPage = { page: 1, limit: reportPageSize },
): Promise<TranslationReport> => {
  const collections = filters.collection ? [filters.collection] : translatedCollections
  const all = sql.join(
    collections.map((collection) => sql`(${translationRows(payload, collection, filters)})`),
    sql` union all `,
  )
  const execute = async <T>(query: ReturnType<typeof sql>) => ((await payload.db.drizzle.execute(query)) as unknown as { rows: T[] }).rows
  const counts = Object.fromEntries(translationStatuses.map((status) => [status, 0])) as Record<TranslationStatus, number>
  for (const { status, count } of await execute<{ status: TranslationStatus; count: number | string }>(
    sql`select status, count(*) as count from (${all}) r group by status`,
  )) {
    if (status in counts) counts[status] = Number(count)
  }
  const totalRows = filters.status ? counts[filters.status] : Object.values(counts).reduce((sum, count) => sum + count, 0)
  const stored = await execute<StoredRow>(sql`
    select * from (${all}) r ${filters.status ? sql`where status = ${filters.status}` : sql``}
    order by updated_at desc, collection, id, locale limit ${limit} offset ${(page - 1) * limit}`)
  const rows = stored.map(
    (row): TranslationRow => ({
      collection: row.collection,
      id: Number(row.id),
      title: row.title,
      sourceLocale: isLocale(row.source_locale) ? row.source_locale : defaultSourceLocale,
      locale: row.locale,
      status: row.status,
      assignee: row.assignee === null ? null : Number(row.assignee),
      translatedAt: row.translated_at === null ? null : iso(row.translated_at),
      updatedAt: iso(row.updated_at),
      qa: storedQa({ qaErrors: Number(row.qa_errors ?? 0), qaWarnings: Number(row.qa_warnings ?? 0), qaFindings: row.qa_findings }),
      needsReverification: needsReverification(row.last_verified === null ? null : iso(row.last_verified)),
    }),
  )
  return { counts, rows, page, limit, totalRows, totalPages: Math.max(1, Math.ceil(totalRows / limit)) }
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
