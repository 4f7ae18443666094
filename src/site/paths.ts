import { urlPrefix, type Locale } from '@/lib/locales'

export const paths = {
  home: (locale: Locale) => `/${urlPrefix(locale)}`,
  guides: (locale: Locale, page = 1) => (page > 1 ? `/${urlPrefix(locale)}/guides/page/${page}` : `/${urlPrefix(locale)}/guides`),
  guide: (locale: Locale, slug: string) => `/${urlPrefix(locale)}/guides/${slug}`,
  carriers: (locale: Locale, page = 1) => (page > 1 ? `/${urlPrefix(locale)}/carriers/page/${page}` : `/${urlPrefix(locale)}/carriers`),
  carrier: (locale: Locale, slug: string) => `/${urlPrefix(locale)}/carriers/${slug}`,
  tips: (locale: Locale, page = 1) => (page > 1 ? `/${urlPrefix(locale)}/tips/page/${page}` : `/${urlPrefix(locale)}/tips`),
  notFound: (locale: Locale) => `/${urlPrefix(locale)}/404`,
  /** A locale's Atom or JSON feed of guides or tips (src/site/feeds.ts). */
  feed: (kind: 'guides' | 'tips', locale: Locale, format: 'atom' | 'json') => `/feeds/${kind}-${urlPrefix(locale)}.${format}`,
  search: (locale: Locale, q = '', page = 1) => {
    const query = new URLSearchParams(q ? { q, ...(page > 1 ? { page: String(page) } : {}) } : {}).toString()
    return `/${urlPrefix(locale)}/search${query ? `?${query}` : ''}`
  },
}

/** Read through a variable: `next build` inlines every literal `process.env.NEXT_PUBLIC_…`. */
const deprecatedSiteUrlSetting = 'NEXT_PUBLIC_SERVER_URL'

/**
 * The public address of the site as configured (SITE_URL; NEXT_PUBLIC_SERVER_URL, deprecated, is
 * still read), without a trailing slash. Read when the server runs, never at build time.
 */
export const configuredSiteUrl = (): string | undefined =>
  (process.env.SITE_URL || process.env[deprecatedSiteUrlSetting] || '').replace(/\/$/, '') || undefined

/** The site's public address: every absolute link (canonical, hreflang, Open Graph, JSON-LD, sitemap, robots) starts with it. */
export const siteUrl = (): string => configuredSiteUrl() ?? `http://localhost:${process.env.PORT || 3000}`

export const absolute = (path: string): string => `${siteUrl()}${path}`
