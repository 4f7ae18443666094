import { notFound } from 'next/navigation'

import { localeCodes, localeOfPrefix, type Locale } from '@/lib/locales'

/** The locale of a route, or a 404 for an unknown prefix. */
export const localeParam = (value: string): Locale => {
  const locale = localeOfPrefix(value)
  if (!locale) notFound()
  return locale
}

/** A path per locale, for the locales `path` gives one for. */
const pathsByLocale = (path: (locale: Locale) => string | undefined): Partial<Record<Locale, string>> =>
  Object.fromEntries(localeCodes.flatMap((locale) => (path(locale) ? [[locale, path(locale)]] : [])))

/** Paths of a page that exists once per locale. */
export const everyLocale = (path: (locale: Locale) => string): Partial<Record<Locale, string>> => pathsByLocale(path)

/** Paths of a document in the locales it is published in. */
export const publishedPaths = (
  entry: { available: Locale[]; slugs: Partial<Record<Locale, string>> },
  path: (locale: Locale, slug: string) => string,
): Partial<Record<Locale, string>> =>
  Object.fromEntries(entry.available.map((locale) => [locale, path(locale, entry.slugs[locale]!)]))

/** Where the switcher sends a reader of each locale: the translation, or the best fallback. */
export const switcherPaths = (
  entry: { available: Locale[]; slugs: Partial<Record<Locale, string>> },
  path: (locale: Locale, slug: string) => string,
  shownFor: (locale: Locale) => Locale | undefined,
): Partial<Record<Locale, string>> =>
  pathsByLocale((locale) => {
    const shown = shownFor(locale)
    return shown ? path(locale, entry.slugs[shown]!) : undefined
  })

/**
 * `generateStaticParams` of every reader page that reads content: none, so that `next build` reads
 * no database (a Docker build has none) and takes as long with 10 documents as with 10,000. Each
 * page is made on its first request and kept until a change expires its tags.
 */
export const madeOnRequest = <Params>(): Params[] => []

/** The page number of `/…/page/{n}`: a whole number from 2 (page 1 is the list's own URL), else a 404. */
export const pageParam = (value: string): number => {
  if (!/^[1-9]\d{0,5}$/.test(value) || value === '1') notFound()
  return Number(value)
}
