import { AsyncLocalStorage } from 'node:async_hooks'

import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import type { Where } from 'payload'

import { embedsReadByCaller } from '@/access/readableIds'
import { cacheTtlSeconds } from '@/freshness/settings'
import { localeCodes, locales, type Locale } from '@/lib/locales'
import { publishedLocales, type LocalizedStatus } from '@/lib/publication'
import type { Article, Carrier, Media, Tip } from '@/payload-types'

import { embedsOf, populateEmbeds, withoutEmbeds, type Embeds } from './embeds'
import { sitePayload } from './payload'
import { batchedRead, readTogether } from './readTogether'
import { tags, type PublicCollection } from './tags'
import type { ReaderCollection } from '@/lib/readerCollections'

type Localized<T> = Partial<Record<Locale, T>>
export type SiteCollection = ReaderCollection

/**
 * What the site needs to link to a document and to name it: its slug and title in each locale
 * it is published in, read from the one document (hreflang, the language switcher, lists).
 */
export type IndexEntry = {
  id: number
  /** Locales the document is published in (and translated there), source locale first. */
  available: Locale[]
  slugs: Localized<string>
  titles: Localized<string>
  summaries: Localized<string>
  previousSlugs: Localized<string[]>
  destination: string
  updatedAt: string
  publishedAt?: string | null
  category?: string
  order?: number | null
}

const titleField = { articles: 'title', carriers: 'name', tips: 'title' } as const

/** Only the columns an entry needs: no bodies, no sources, no relationships. */
const entrySelect = (collection: SiteCollection) =>
  ({
    [titleField[collection]]: true,
    slug: true,
    slugHistory: true,
    _status: true,
    destination: true,
    updatedAt: true,
    ...(collection === 'articles' ? { summary: true, publishedAt: true } : {}),
    ...(collection === 'tips' ? { category: true, order: true } : {}),
  }) as const satisfies Record<string, true>

type Indexable = { id: number; updatedAt: string; destination: string } & Record<string, unknown>

const toEntry = (collection: SiteCollection, doc: Indexable, preview: boolean): IndexEntry => {
  const titles = (doc[titleField[collection]] ?? {}) as Localized<string>
  // A preview shows every translation there is; readers only the locales published for the document.
  const published = preview ? localeCodes : publishedLocales(doc._status as LocalizedStatus)
  const available = localeCodes.filter((locale) => published.includes(locale) && Boolean(titles[locale]?.trim()))
  return {
    id: doc.id,
    available,
    slugs: (doc.slug ?? {}) as Localized<string>,
    titles,
    summaries: (doc.summary ?? {}) as Localized<string>,
    previousSlugs: (doc.slugHistory ?? {}) as Localized<string[]>,
    destination: doc.destination,
    updatedAt: doc.updatedAt,
    publishedAt: doc.publishedAt as string | null | undefined,
    category: doc.category as string | undefined,
    order: doc.order as number | null | undefined,
  }
}

type Page = { limit: number; page?: number; sort?: string | string[] }

/**
 * Entries of the documents `where` matches, every locale at once, read as a reader (access
 * control applies: drafts never come back, unpublished locales are stripped) or, in a preview
 * (draft mode, entered only by signed-in staff), the newest drafts. Always bounded by `limit`.
 */
const findEntries = async (collection: SiteCollection, where: Where, preview: boolean, { limit, page = 1, sort = '-id' }: Page) => {
  const payload = await sitePayload()
  const result = await payload.find({
    collection,
    locale: 'all',
    where,
    // One select for the three collections: each names only fields its collection has.
    select: entrySelect(collection) as Record<string, true>,
    depth: 0,
    limit,
    page,
    sort,
    draft: preview,
    overrideAccess: preview,
  })
  return {
    entries: (result.docs as unknown as Indexable[]).map((doc) => toEntry(collection, doc, preview)).filter((entry) => preview || entry.available.length > 0),
    totalDocs: result.totalDocs,
    totalPages: result.totalPages,
  }
}

/**
 * A reader-facing read, cached until a change expires one of its tags; a preview always reads
 * afresh. Also remembered for the rest of the render (React's `cache`): `unstable_cache` does not
 * share a read in flight, and a page's metadata and body, rendered side by side, each ask for the
 * same slug, entry and document; without it a cold page read each of them twice.
 */
export const cachedRead = <Args extends (string | number | boolean)[], T>(
  name: string,
  read: (...args: Args) => Promise<T>,
  tagsOf: (...args: Args) => string[],
) =>
  cache(
    (...args: Args): Promise<T> =>
      unstable_cache(() => read(...args), [name, ...args.map(String)], { tags: tagsOf(...args), revalidate: cacheTtlSeconds() })(),
  )

export const fallbackChain = (locale: Locale): Locale[] => {
  const entry = locales.find((candidate) => candidate.code === locale)
  return [...(entry?.fallbackLocale ?? [])]
}

/** A locale and those it falls back to: the locales whose text a page in `locale` may show. */
const withFallbacks = (locale: Locale): Locale[] => [locale, ...fallbackChain(locale)]

const listTags = (collection: PublicCollection, locale: Locale) => withFallbacks(locale).map((each) => tags.lists(collection, each))

// ——— One document ———

/**
 * For the rest of a slug's resolution: the locale of the page resolving it, and the entries read
 * with the lookup (the slug's owners come with their entries, the same columns, read as a reader,
 * so that a cold page does not read each owner's entry again).
 */
const slugLookup = new AsyncLocalStorage<{ locale: Locale; entriesJustRead: Map<string, IndexEntry | null> }>()

const entryKey = (collection: SiteCollection, id: number) => `${collection}:${id}`

/** An entry as readers may have it: null when no locale of it is published (or translated) for them. */
const readerEntry = (collection: SiteCollection, doc: Indexable | null, preview: boolean): IndexEntry | null => {
  const entry = doc && toEntry(collection, doc, preview)
  return entry && (preview || entry.available.length > 0) ? entry : null
}

const readEntry = async (collection: SiteCollection, id: number, preview: boolean): Promise<IndexEntry | null> => {
  const justRead = preview ? undefined : slugLookup.getStore()?.entriesJustRead
  if (justRead?.has(entryKey(collection, id))) return justRead.get(entryKey(collection, id))!
  const payload = await sitePayload()
  const doc = await payload.findByID({
    collection,
    id,
    locale: 'all',
    select: entrySelect(collection) as Record<string, true>,
    depth: 0,
    draft: preview,
    overrideAccess: preview,
    disableErrors: true,
  })
  return readerEntry(collection, doc as unknown as Indexable | null, preview)
}

const cachedEntry = cachedRead('site-entry', (collection: SiteCollection, id: number) => readEntry(collection, id, false), (collection, id) => [
  tags.document(collection, id),
])

/** One document's entry (its slugs and titles in every published locale), or null when readers may not see it. */
export const entryOf = (collection: SiteCollection, id: number, preview = false): Promise<IndexEntry | null> =>
  preview ? readEntry(collection, id, true) : cachedEntry(collection, id)

// ——— Slugs ———

/**
 * The documents whose slug, in any locale, is `slug`; failing that, those that had it before.
 * Each is one lookup on an index (`*_slug_idx`, `*_texts_text_idx`), whatever the collection's size.
 * A reader's lookup reads the owners' entries too, and leaves them to `slugLookup`; and starts
 * reading, meanwhile, the document the page most likely shows (`readAlongLookup`).
 */
const readSlugOwners = async (collection: SiteCollection, slug: string, preview: boolean): Promise<number[]> => {
  const lookup = preview ? undefined : slugLookup.getStore()
  if (lookup) readBySlug(collection, slug, lookup.locale)
  const payload = await sitePayload()
  const owners = async (where: Where) =>
    (
      // No count: a lookup needs the documents, not how many there are (one query less per cold page).
      await payload.find({
        collection,
        locale: 'all',
        where,
        select: (preview ? { updatedAt: true } : entrySelect(collection)) as Record<string, true>,
        depth: 0,
        limit: 10,
        pagination: false,
        draft: preview,
        overrideAccess: preview,
      })
    ).docs as unknown as Indexable[]
  const current = await owners({ slug: { equals: slug } })
  const found = current.length ? current : await owners({ slugHistory: { equals: slug } })
  for (const doc of lookup ? found : []) lookup!.entriesJustRead.set(entryKey(collection, doc.id), readerEntry(collection, doc, false))
  return found.map((doc) => doc.id)
}

/**
 * Per render (React's `cache`), by `collection:locale`: the document whose slug, in that locale,
 * a page's uncached lookup looks for, read in that locale as readers read it (`documentQuery`),
 * alongside the lookup. Most pages show the document their slug names in their own locale: its
 * read (`readDocument`) takes this one instead of starting after the lookup, when the lookup
 * resolved to that document and locale; otherwise it goes unused (a fallback page, an old slug).
 */
const readAlongLookup = cache(() => new Map<string, Promise<Record<string, unknown> | null>>())

const readBySlug = (collection: SiteCollection, slug: string, locale: Locale): void => {
  const started = readAlongLookup()
  const key = `${collection}:${locale}`
  if (started.has(key)) return
  const read = async () => {
    const payload = await sitePayload()
    const { docs } = await payload.find({ ...documentQuery(collection, locale, false), where: { slug: { equals: slug } }, limit: 1, pagination: false })
    return (docs[0] as unknown as Record<string, unknown> | undefined) ?? null
  }
  // A failure here is the document read's to meet and report: that read is then made as usual.
  started.set(key, read().catch(() => null))
}

const slugTags = (collection: SiteCollection, slug: string) => localeCodes.map((locale) => tags.slug(collection, locale, slug))

const cachedSlugOwners = cachedRead('site-slug', (collection: SiteCollection, slug: string) => readSlugOwners(collection, slug, false), slugTags)

/**
 * A slug no document has (yet) is looked up again under the collection's lists too: a change that
 * publishes a document expires its lists even when it does not name the slugs it brings, and the
 * 404 kept for that slug must go with them. Only pages that find nothing carry these tags.
 */
const cachedSlugMiss = cachedRead(
  'site-slug-miss',
  (collection: SiteCollection, slug: string) => readSlugOwners(collection, slug, false),
  (collection, slug) => [...slugTags(collection, slug), ...localeCodes.map((locale) => tags.lists(collection, locale))],
)

export type Resolution =
  | { kind: 'found'; entry: IndexEntry; shown: Locale }
  | { kind: 'redirect'; entry: IndexEntry; slug: string }
  | { kind: 'missing' }

/** The locale to show an entry in for a reader of `locale`: that one if published, else the first along its fallback chain. */
export const shownLocale = (entry: IndexEntry, locale: Locale): Locale | undefined =>
  [locale, ...fallbackChain(locale), ...localeCodes].find((candidate) => entry.available.includes(candidate))

/**
 * What `/{locale}/…/{slug}` shows among the documents that have or had that slug: the one
 * published under it in that locale; a redirect when the slug is an old one, or the document's
 * slug in another locale while it is translated into this one; otherwise the best published
 * version along the fallback chain.
 */
export const resolveAmong = (entries: IndexEntry[], locale: Locale, slug: string): Resolution => {
  const own = entries.find((entry) => entry.available.includes(locale) && entry.slugs[locale] === slug)
  if (own) return { kind: 'found', entry: own, shown: locale }
  const renamed = entries.find((entry) => entry.available.includes(locale) && entry.previousSlugs[locale]?.includes(slug))
  if (renamed) return { kind: 'redirect', entry: renamed, slug: renamed.slugs[locale]! }
  for (const other of localeCodes) {
    const entry = entries.find((candidate) => candidate.slugs[other] === slug && candidate.available.includes(other))
    if (!entry) continue
    if (entry.available.includes(locale)) return { kind: 'redirect', entry, slug: entry.slugs[locale]! }
    const shown = shownLocale(entry, locale)
    if (shown && entry.slugs[shown] === slug) return { kind: 'found', entry, shown }
    if (shown) return { kind: 'redirect', entry, slug: entry.slugs[shown]! }
  }
  return { kind: 'missing' }
}

/** Resolves a slug of a locale through the slug indexes: a few rows read, never the collection. */
export const resolveSlug = (collection: SiteCollection, locale: Locale, slug: string, preview = false): Promise<Resolution> =>
  slugLookup.run({ locale, entriesJustRead: new Map() }, async () => {
    const found = preview ? await readSlugOwners(collection, slug, true) : await cachedSlugOwners(collection, slug)
    const ids = found.length > 0 || preview ? found : await cachedSlugMiss(collection, slug)
    const entries = (await Promise.all(ids.map((id) => entryOf(collection, id, preview)))).filter((entry): entry is IndexEntry => entry !== null)
    return resolveAmong(entries, locale, slug)
  })

// ——— Lists ———

/** Documents published in at least one locale, newest first (tips: by category and order), one page at a time. */
const listOrder: Record<SiteCollection, string[]> = { articles: ['-publishedAt', '-id'], carriers: ['-id'], tips: ['category', 'order', 'id'] }

export type EntryPage = { entries: IndexEntry[]; page: number; totalPages: number }

const readList = async (collection: SiteCollection, page: number, limit: number, preview: boolean): Promise<EntryPage> => {
  const found = await findEntries(collection, {}, preview, { limit, page, sort: listOrder[collection] })
  return { entries: found.entries, page, totalPages: Math.max(1, found.totalPages) }
}

const cachedList = cachedRead(
  'site-list',
  (collection: SiteCollection, locale: Locale, page: number, limit: number) => readList(collection, page, limit, false),
  (collection, locale) => listTags(collection, locale),
)

/**
 * One page of a collection's list as a reader of `locale` sees it (a document not published in
 * that locale shows along its fallback chain, so the list also depends on those locales' lists).
 */
export const listPage = (collection: SiteCollection, locale: Locale, page: number, limit: number, preview = false): Promise<EntryPage> =>
  preview ? readList(collection, page, limit, true) : cachedList(collection, locale, page, limit)

// ——— Sitemaps ———

/** The ids of one page of the documents published in `locale` (access control keeps the others out), by id. */
export const publishedIdsIn = async (collection: SiteCollection, locale: Locale, page: number, limit: number) => {
  const payload = await sitePayload()
  const result = await payload.find({ collection, locale, select: { updatedAt: true }, depth: 0, sort: 'id', page, limit, overrideAccess: false })
  return { ids: result.docs.map((doc) => doc.id as number), totalDocs: result.totalDocs, totalPages: result.totalPages }
}

/** The entries of the documents with these ids (a bounded list), as readers see them. */
export const entriesWithIds = async (collection: SiteCollection, ids: number[]): Promise<IndexEntry[]> =>
  ids.length ? (await findEntries(collection, { id: { in: ids } }, false, { limit: ids.length, sort: 'id' })).entries : []

// ——— Documents with what they embed ———

type DocumentCollection = SiteCollection | 'media'

/**
 * What a document's page does not show, left out of its read: a guide's relations to carriers and
 * tips (it shows those it embeds, read on their own) and its previous slugs (its entry has them).
 */
const notShown: Partial<Record<DocumentCollection, Record<string, false>>> = {
  articles: { relatedCarriers: false, tips: false, slugHistory: false },
}

/**
 * How readers read a document in `locale`: along its fallback chain, access applied (a preview:
 * the newest draft, as staff). What it embeds is read afterwards as readers read it (`documentIn`),
 * so the read does not first ask which of its embeds readers may see (`embedsReadByCaller`).
 */
const documentQuery = (collection: DocumentCollection, locale: Locale, preview: boolean) => ({
  collection,
  locale,
  fallbackLocale: fallbackChain(locale),
  ...(notShown[collection] && { select: notShown[collection] }),
  depth: 0,
  draft: preview && collection !== 'media',
  overrideAccess: preview,
  context: { [embedsReadByCaller]: true },
})

const readDocument = async <T>(collection: DocumentCollection, id: number, locale: Locale, preview: boolean): Promise<T | null> => {
  const batched = preview ? undefined : batchedRead(collection, id)
  if (batched) return (await batched) as T | null
  const along = preview ? undefined : readAlongLookup().get(`${collection}:${locale}`)
  const read = along && (await along)
  if (read?.id === id) return read as T
  const payload = await sitePayload()
  const doc = await payload.findByID({ ...documentQuery(collection, locale, preview), id, disableErrors: true })
  return (doc as T | null) ?? null
}

/** Documents of one collection in one locale, as readers see them (`readDocument`'s read, for many ids in one query). */
const readDocuments = async (collection: DocumentCollection, ids: number[], locale: Locale): Promise<Map<number, unknown>> => {
  const payload = await sitePayload()
  const { docs } = await payload.find({ ...documentQuery(collection, locale, false), where: { id: { in: ids } }, limit: ids.length, pagination: false })
  return new Map(docs.map((doc) => [doc.id as number, doc]))
}

const cachedDocument = cachedRead(
  'site-document',
  (collection: DocumentCollection, id: number, locale: Locale) => readDocument(collection, id, locale, false),
  (collection, id, locale) => [tags.document(collection, id), ...withFallbacks(locale).map((each) => tags.documentIn(collection, id, each))],
)

const documentOnly = <T>(collection: DocumentCollection, id: number, locale: Locale, preview: boolean): Promise<T | null> =>
  preview ? readDocument<T>(collection, id, locale, true) : cachedDocument(collection, id, locale) as Promise<T | null>

/**
 * A document in one locale with the carriers, tips and media it embeds or shows, each cached on
 * its own with its own tags: a carrier's edit reaches every guide that embeds it, and re-reads
 * only that carrier. Those the cache does not hold are read together, one query per collection.
 * An embedded document readers may not see (a draft, a locale not published) is left out, and
 * its read's tags stay with the page: publishing it brings it in. What the embedded documents
 * embed in turn is not read, and left out too.
 */
const documentIn = <T>(collection: SiteCollection) =>
  // Once per render: a page's metadata and body both ask for it.
  cache(async (id: number, locale: Locale, preview = false): Promise<T | null> => {
    const doc = await documentOnly<Record<string, unknown>>(collection, id, locale, preview)
    if (!doc) return null
    const wanted = embedsOf(doc)
    const kinds = [
      ...wanted.carriers.map((each) => ({ collection: 'carriers' as const, id: each })),
      ...wanted.tips.map((each) => ({ collection: 'tips' as const, id: each })),
      ...wanted.media.map((each) => ({ collection: 'media' as const, id: each })),
    ]
    const read = await readTogether(
      kinds,
      (embedded, each) => documentOnly<Carrier | Tip | Media>(embedded, each, locale, preview),
      (embedded, ids) => readDocuments(embedded, ids, locale),
    )
    const shown = (kind: DocumentCollection, embedded: Carrier | Tip | Media) =>
      kind === 'media' ? embedded : withoutEmbeds(embedded as unknown as Record<string, unknown>)
    const found = (kind: DocumentCollection) =>
      new Map(kinds.flatMap((each, index) => (each.collection === kind && read[index] ? [[each.id, shown(kind, read[index])] as const] : [])))
    const embeds = { carriers: found('carriers'), tips: found('tips'), media: found('media') } as Embeds
    return populateEmbeds(doc, embeds) as T
  })

export const articleIn = documentIn<Article>('articles')
export const carrierIn = documentIn<Carrier>('carriers')
export const tipIn = documentIn<Tip>('tips')
