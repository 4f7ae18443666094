import { sql } from '@payloadcms/db-postgres'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  FlattenedField,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { sessionOf, tableOf } from '@/concurrency/lockRows'
import { isLocale, localeCodes, type Locale } from '@/lib/locales'
import { publishedLocales, type LocalizedStatus } from '@/lib/publication'
import { indexChange } from '@/search/indexer'
import type { PublicCollection } from '@/site/tags'

import { afterCommit } from './afterCommit'
import type { ChangeEvent } from './changeEvent'
import { applyChange } from './expire'
import { updateMediaUses } from './mediaUses'

type Doc = Record<string, unknown>

/** Fields every document has that no reader sees change. */
const bookkeeping = new Set(['id', 'createdAt', 'updatedAt'])

/** A field readers may see: not bookkeeping, not virtual, and without read access of its own (those are staff's, such as the translation workflow's). */
const readersSee = (field: FlattenedField): boolean => !bookkeeping.has(field.name) && !('virtual' in field && field.virtual) && !field.access?.read

/** A localized value as read in `locale`: a single value, or one per locale when read with `all`. */
const perLocale = (value: unknown, locale: Locale | 'all'): Partial<Record<Locale, unknown>> =>
  locale === 'all' ? ((value ?? {}) as Partial<Record<Locale, unknown>>) : { [locale]: value }

const slugsIn = (doc: Doc, locale: Locale | 'all', locales: Locale[]): Partial<Record<Locale, string[]>> => {
  const current = perLocale(doc.slug, locale)
  const previous = perLocale(doc.slugHistory, locale)
  return Object.fromEntries(
    locales.map((each) => [
      each,
      // A restored version can hand its history over in another shape: only a list counts.
      [current[each], ...(Array.isArray(previous[each]) ? previous[each] : [])].filter((slug): slug is string => typeof slug === 'string' && slug !== ''),
    ]),
  )
}

const sharedFieldsDiffer = (config: SanitizedCollectionConfig, doc: Doc, previous: Doc): boolean =>
  config.flattenedFields.some(
    (field) => !field.localized && readersSee(field) && JSON.stringify(doc[field.name] ?? null) !== JSON.stringify(previous[field.name] ?? null),
  )

/** The locale a write was made in: one, or `all` (also when none is given: a write then reaches every locale). */
const writeLocale = (req: PayloadRequest): Locale | 'all' => (isLocale(req.locale) ? req.locale : 'all')

/** One committed write as a change event (src/freshness/changeEvent.ts). */
export const changeEventOf = ({
  config,
  doc,
  previousDoc,
  operation,
  locale,
  publishedBefore = [],
}: {
  config: SanitizedCollectionConfig
  doc: Doc
  previousDoc: Doc
  operation: ChangeEvent['operation']
  locale: Locale | 'all'
  /** The locales published in the stored document before the write (see notePublishedBefore). */
  publishedBefore?: Locale[]
}): ChangeEvent => {
  const sharedFieldsChanged = operation !== 'update' || sharedFieldsDiffer(config, doc, previousDoc)
  const locales = locale === 'all' || sharedFieldsChanged ? localeCodes : [locale]
  const hasDrafts = Boolean(config.versions?.drafts)
  const published = (each: Doc) =>
    hasDrafts ? publishedLocales(each._status as LocalizedStatus, locale).filter((code) => locales.includes(code)) : locales
  return {
    collection: config.slug as PublicCollection,
    id: doc.id as number | string,
    operation,
    locales,
    published:
      operation === 'delete'
        ? { before: locales, after: [] }
        : {
            before:
              operation === 'create'
                ? []
                : [...new Set([...published(previousDoc), ...(hasDrafts ? publishedBefore.filter((code) => locales.includes(code)) : [])])],
            after: published(doc),
          },
    slugs: {
      before: operation === 'create' ? {} : slugsIn(previousDoc, locale, locales),
      after: operation === 'delete' ? {} : slugsIn(doc, locale, locales),
    },
    sharedFieldsChanged,
  }
}

const publishedBeforeKey = (collection: string, id: unknown) => `lagon.publishedBefore:${collection}:${String(id)}`

/**
 * Payload hands an update's hooks the document's latest version as `previousDoc`: after a draft
 * was saved, a draft, although readers still get the published one. Unpublishing a locale from
 * there would look like a change to a locale nobody saw, and expire nothing. So the locales
 * published in the stored document are read before an update by id (one small read per write;
 * not through `req`, whose locale the Local API would set to `all` for the write that follows).
 */
export const notePublishedBefore: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const id = Number((args as { id?: number | string }).id)
  if (operation !== 'update' || !collection.versions?.drafts || !Number.isInteger(id)) return args
  // In the save's own transaction when it has begun: a read from the pool beside it would need a
  // second connection per save, and saves waiting for the pool would each hold one (tests/concurrentSaves).
  const session = await sessionOf(req)
  const { rows } = await session.execute(
    sql`select _locale::text as locale from ${sql.identifier(`${tableOf(req, collection.slug)}_locales`)} where _parent_id = ${id} and _status = 'published'`,
  )
  req.context[publishedBeforeKey(collection.slug, id)] = rows.map((row) => row.locale).filter(isLocale)
  return args
}

/** A committed change: caches expired (src/freshness/expire.ts) and readers' search index updated (src/search/indexer.ts). */
const committed = (req: PayloadRequest, event: ChangeEvent) => () =>
  Promise.all([
    applyChange(req.payload, event),
    // A failed indexing leaves the caches' expiry alone; `npm run search:reindex` repairs the index.
    indexChange(req.payload, event).catch((error: unknown) => console.error('lagon: search index:', error)),
  ]).then(() => undefined)

/**
 * Every committed write to a public collection expires what it touched, once committed, here
 * and on every instance (src/freshness/expire.ts); inside its transaction, it keeps the marks of
 * the media published content uses (src/freshness/mediaUses.ts). Scheduled publications (the jobs queue) and
 * scripts write through the Local API, and so through these hooks too.
 */
export const expireAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  const event = changeEventOf({
    config: collection,
    doc,
    previousDoc: previousDoc ?? {},
    operation,
    locale: writeLocale(req),
    publishedBefore: req.context[publishedBeforeKey(collection.slug, doc.id)] as Locale[] | undefined,
  })
  event.mediaMarked = await updateMediaUses(req, collection, doc.id)
  await afterCommit(req, committed(req, event))
  return doc
}

export const expireAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  const event = changeEventOf({
    config: collection,
    doc,
    previousDoc: doc,
    operation: 'delete',
    locale: writeLocale(req),
  })
  event.mediaMarked = await updateMediaUses(req, collection, doc.id)
  await afterCommit(req, committed(req, event))
  return doc
}
