import type { Locale } from '@/lib/locales'

export const paths = {
  home: (locale: Locale) => `/${locale}`,
  guide: (locale: Locale, slug: string) => `/${locale}/guides/${slug}`,
  carriers: (locale: Locale) => `/${locale}/carriers`,
  carrier: (locale: Locale, slug: string) => `/${locale}/carriers/${slug}`,
  tips: (locale: Locale) => `/${locale}/tips`,
  notFound: (locale: Locale) => `/${locale}/404`,
}

export const siteUrl = (): string => (process.env.NEXT_PUBLIC_SERVER_URL || 'http://localhost:3000').replace(/\/$/, '')

export const absolute = (path: string): string => `${siteUrl()}${path}`
