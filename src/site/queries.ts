import { unstable_cache } from 'next/cache'

import { cacheTtlSeconds } from '@/freshness/settings'
import { localeCodes, locales, type Locale } from '@/lib/locales'
import { publishedLocales, type LocalizedStatus } from '@/lib/publication'
import type { Article, Carrier, Tip } from '@/payload-types'

import { sitePayload } from './payload'
import { tags } from './tags'

type Localized<T> = Partial<Record<Locale, T>>
type SiteCollection = 'articles' | 'carriers' | 'tips'

/** One document as the site indexes it: its slug and title in each locale it is published in. */
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

type Indexable = { id: number; slug?: unknown; updatedAt: string; destination: string } & Record<string, unknown>

const toEntry = (doc: Indexable, titleField: 'title' | 'name', preview: boolean): IndexEntry => {
  const titles = (doc[titleField] ?? {}) as Localized<string>
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

const findIndex = async (collection: SiteCollection, titleField: 'title' | 'name', preview: boolean): Promise<IndexEntry[]> => {
  const payload = await sitePayload()
  const { docs } = await payload.find({
    collection,
    locale: 'all',
    depth: 0,
    limit: 0,
    pagination: false,
    // A preview (draft mode, entered only by signed-in staff) reads the newest drafts.
    draft: preview,
    overrideAccess: preview,
    sort: collection === 'tips' ? 'order' : '-publishedAt',
  })
  return (docs as unknown as Indexable[]).map((doc) => toEntry(doc, titleField, preview))
}

/**
 * The published documents of a collection with every locale's slug and title, read as a reader
 * (access control applies: drafts never come back), cached until a change expires its tag.
 * A document counts as published in each locale whose `_status` is published and that has its
 * own title; a locale published without one only falls back, and gets no page of its own.
 */
const index = (collection: SiteCollection, titleField: 'title' | 'name') => {
  const cached = unstable_cache(() => findIndex(collection, titleField, false), ['site-index', collection], {
    tags: localeCodes.map((locale) => tags.lists(collection, locale)),
    revalidate: cacheTtlSeconds(),
  })
  return (preview = false): Promise<IndexEntry[]> => (preview ? findIndex(collection, titleField, true) : cached())
}

export const articleIndex = index('articles', 'title')
export const carrierIndex = index('carriers', 'name')
export const tipIndex = index('tips', 'title')

const findDocument = async <T>(collection: SiteCollection, id: number, locale: Locale, preview: boolean): Promise<T | null> => {
  const payload = await sitePayload()
  const { docs } = await payload.find({
    collection,
    where: { id: { equals: id } },
    locale,
    fallbackLocale: fallbackChain(locale),
    depth: 1,
    limit: 1,
    draft: preview,
    overrideAccess: preview,
  })
  return (docs[0] as T | undefined) ?? null
}

/** A document in one locale, relationships (embedded carriers and tips) populated one level deep. */
const documentIn =
  <T>(collection: SiteCollection) =>
  (id: number, locale: Locale, preview = false): Promise<T | null> =>
    preview
      ? findDocument<T>(collection, id, locale, true)
      : unstable_cache(() => findDocument<T>(collection, id, locale, false), ['site-document', collection, String(id), locale], {
          tags: [tags.document(collection, id), ...localeCodes.map((each) => tags.lists(collection, each))],
          revalidate: cacheTtlSeconds(),
        })()

export const articleIn = documentIn<Article>('articles')
export const carrierIn = documentIn<Carrier>('carriers')
export const tipIn = documentIn<Tip>('tips')

export const fallbackChain = (locale: Locale): Locale[] => {
  const entry = locales.find((candidate) => candidate.code === locale)
  return entry && 'fallbackLocale' in entry ? [...entry.fallbackLocale] : []
}

/** The locale to show an entry in for a reader of `locale`: that one if published, else the first along its fallback chain. */
export const shownLocale = (entry: IndexEntry, locale: Locale): Locale | undefined =>
  [locale, ...fallbackChain(locale), ...localeCodes].find((candidate) => entry.available.includes(candidate))

export type Resolution =
  | { kind: 'found'; entry: IndexEntry; shown: Locale }
  | { kind: 'redirect'; entry: IndexEntry; slug: string }
  | { kind: 'missing' }

/**
 * What `/{locale}/…/{slug}` shows: the document published under that slug in that locale; a
 * redirect when the slug is an old one, or the document's slug in another locale while it is
 * translated into this one; otherwise the best published version along the fallback chain.
 */
export const resolveSlug = (entries: IndexEntry[], locale: Locale, slug: string): Resolution => {
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
