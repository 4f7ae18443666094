import { notFound } from 'next/navigation'

import { isLocale, localeCodes, type Locale } from '@/lib/locales'

/** The locale of a route, or a 404 for an unknown prefix. */
export const localeParam = (value: string): Locale => {
  if (!isLocale(value)) notFound()
  return value
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
 * `generateStaticParams` of the reader's pages: none at build time, so that `next build` needs no
 * database and bakes in no deployment setting (the site's address). Each page is rendered on its
 * first request, then kept like a prerendered one until a change expires its tags.
 */
export const noPagesAtBuild = async (): Promise<never[]> => []
