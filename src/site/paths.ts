import type { Locale } from '@/lib/locales'

export const paths = {
  home: (locale: Locale) => `/${locale}`,
  guides: (locale: Locale, page = 1) => (page > 1 ? `/${locale}/guides/page/${page}` : `/${locale}/guides`),
  guide: (locale: Locale, slug: string) => `/${locale}/guides/${slug}`,
  carriers: (locale: Locale, page = 1) => (page > 1 ? `/${locale}/carriers/page/${page}` : `/${locale}/carriers`),
  carrier: (locale: Locale, slug: string) => `/${locale}/carriers/${slug}`,
  tips: (locale: Locale, page = 1) => (page > 1 ? `/${locale}/tips/page/${page}` : `/${locale}/tips`),
  notFound: (locale: Locale) => `/${locale}/404`,
}

export const siteUrl = (): string => (process.env.NEXT_PUBLIC_SERVER_URL || 'http://localhost:3000').replace(/\/$/, '')

export const absolute = (path: string): string => `${siteUrl()}${path}`
