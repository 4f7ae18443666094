import { localeCodes, localeOfPrefix, urlPrefix, type Locale } from '@/lib/locales'

import { hreflangLinks } from './hreflang'
import { everyLocale, publishedPaths } from './params'
import { absolute, paths } from './paths'
import { cachedRead, entriesWithIds, publishedIdsIn, type SiteCollection } from './queries'
import { tags } from './tags'

/**
 * URLs per sitemap page: well under the protocol's 50,000 (and 50 MB), so that each page is one
 * bounded read and a crawler's request never makes the server hold a whole collection.
 */
export const urlsPerSitemap = 5000

/** The collections with a page per document. */
const documentPaths = { articles: paths.guide, carriers: paths.carrier } as const
type SitemapCollection = keyof typeof documentPaths

export type SitemapName = { kind: 'pages' } | { kind: 'documents'; collection: SitemapCollection; locale: Locale; page: number }

export const sitemapPath = (name: SitemapName): string =>
  name.kind === 'pages' ? '/sitemaps/pages.xml' : `/sitemaps/${name.collection}-${urlPrefix(name.locale)}-${name.page}.xml`

/** The sitemap a `/sitemaps/{name}` URL names, or null. */
export const parseSitemapName = (value: string): SitemapName | null => {
  if (value === 'pages.xml') return { kind: 'pages' }
  const match = /^(articles|carriers)-(.+)-([1-9]\d{0,5})\.xml$/.exec(value)
  const locale = localeOfPrefix(match?.[2])
  if (!match || !locale) return null
  return { kind: 'documents', collection: match[1] as SitemapCollection, locale, page: Number(match[3]) }
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!)

type Url = { path: string; lastmod?: string; alternates: Partial<Record<Locale, string>> }

/** One `<url>` in the order the sitemaps.org schema requires: loc, lastmod, then the xhtml:link extensions (x-default last, as on the pages). */
const urlElement = ({ path, lastmod, alternates }: Url) =>
  `<url><loc>${escape(absolute(path))}</loc>${lastmod ? `<lastmod>${escape(lastmod)}</lastmod>` : ''}${hreflangLinks(alternates)
    .map(([hreflang, href]) => `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escape(href)}"/>`)
    .join('')}</url>`

const urlset = (urls: Url[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls
    .map(urlElement)
    .join('\n')}\n</urlset>\n`

const everyList = (collection: SiteCollection) => localeCodes.map((locale) => tags.lists(collection, locale))

const readCounts = async (): Promise<Record<SitemapCollection, Record<Locale, number>>> => {
  const counts = async (collection: SitemapCollection) =>
    Object.fromEntries(
      await Promise.all(localeCodes.map(async (locale) => [locale, (await publishedIdsIn(collection, locale, 1, 1)).totalDocs] as const)),
    ) as Record<Locale, number>
  return { articles: await counts('articles'), carriers: await counts('carriers') }
}

const cachedCounts = cachedRead('site-sitemap-counts', readCounts, () => [...everyList('articles'), ...everyList('carriers')])

/** The sitemap index: the section pages, then each collection's documents per locale, in pages of `urlsPerSitemap`. */
export const sitemapIndex = async (): Promise<string> => {
  const counts = await cachedCounts()
  const names: SitemapName[] = [{ kind: 'pages' }]
  for (const collection of Object.keys(documentPaths) as SitemapCollection[]) {
    for (const locale of localeCodes) {
      const pages = Math.ceil(counts[collection][locale] / urlsPerSitemap)
      for (let page = 1; page <= pages; page += 1) names.push({ kind: 'documents', collection, locale, page })
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${names
    .map((name) => `<sitemap><loc>${escape(absolute(sitemapPath(name)))}</loc></sitemap>`)
    .join('\n')}\n</sitemapindex>\n`
}

const sectionUrls = (): Url[] =>
  [paths.home, paths.guides, paths.carriers, paths.tips].flatMap((path) => {
    const alternates = everyLocale((locale) => path(locale))
    return localeCodes.map((locale) => ({ path: path(locale), alternates }))
  })

/**
 * The documents of one collection published in one locale, `urlsPerSitemap` at a time, each with
 * the locales it is published in as alternates (read from the same documents). Null past the last page.
 */
const readDocumentUrls = async (collection: SitemapCollection, locale: Locale, page: number): Promise<Url[] | null> => {
  const { ids, totalPages } = await publishedIdsIn(collection, locale, page, urlsPerSitemap)
  if (page > Math.max(1, totalPages)) return null
  const entries = await entriesWithIds(collection, ids)
  return entries
    .filter((entry) => entry.available.includes(locale))
    .map((entry) => {
      const alternates = publishedPaths(entry, documentPaths[collection])
      return { path: alternates[locale]!, lastmod: entry.updatedAt, alternates }
    })
}

const cachedDocumentUrls = cachedRead('site-sitemap', readDocumentUrls, (collection) => everyList(collection))

/** A sitemap page as XML, or null when there is no such page. */
export const sitemapPage = async (name: SitemapName): Promise<string | null> => {
  if (name.kind === 'pages') return urlset(sectionUrls())
  const urls = await cachedDocumentUrls(name.collection, name.locale, name.page)
  return urls && urlset(urls)
}
