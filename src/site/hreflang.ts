import { localeCodes, readerDefaultLocale, sourceLocale, type Locale } from '@/lib/locales'

import { bcp47 } from './format'
import { absolute } from './paths'

/**
 * The locale x-default names, for a page published in `published`: the reader default (English)
 * when there is a version in it (the language most readers who match none of ours read), else the source
 * locale, else the first published. It depends on the set of locales only, never on the page
 * asking, so every version of a page names the same x-default (Google ignores a set that disagrees).
 */
export const xDefaultLocale = (published: Locale[]): Locale | undefined =>
  [readerDefaultLocale, sourceLocale, ...localeCodes].find((locale) => published.includes(locale))

/**
 * The hreflang alternates of a page as [hreflang, absolute URL] pairs: every published locale, in
 * the order of `localeCodes`, then x-default. The head of each page and the sitemap both use it.
 */
export const hreflangLinks = (alternates: Partial<Record<Locale, string>>): [string, string][] => {
  const published = localeCodes.filter((locale) => alternates[locale])
  const links = published.map((locale): [string, string] => [bcp47(locale), absolute(alternates[locale]!)])
  const fallback = xDefaultLocale(published)
  return fallback ? [...links, ['x-default', absolute(alternates[fallback]!)]] : links
}
