import { isLocale, type Locale } from './locales'

/**
 * A document's `_status` is per locale: a string when read in one locale, an object keyed by
 * locale when read with `locale=all`.
 */
export type LocalizedStatus = string | Partial<Record<string, string | null>> | null | undefined

/** The locales a status says are published. A string status names only the locale it was read in. */
export const publishedLocales = (status: LocalizedStatus, readIn?: string | null): Locale[] => {
  if (typeof status === 'string') return status === 'published' && isLocale(readIn) ? [readIn] : []
  if (!status || typeof status !== 'object') return []
  return Object.entries(status).flatMap(([locale, value]) => (value === 'published' && isLocale(locale) ? [locale] : []))
}

/** Whether a status, in whatever shape it was read, has any locale published. */
export const isPublishedSomewhere = (status: LocalizedStatus): boolean =>
  typeof status === 'string' ? status === 'published' : publishedLocales(status).length > 0
