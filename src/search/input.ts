import type { Problem } from '@/api/problems'
import { maxPublicLimit } from '@/api/settings'
import { isLocale, localeCodes, type Locale } from '@/lib/locales'

import { defaultSearchLimit, maxQueryLength } from './settings'

export type SearchParams = { q: string; locale: Locale; page: number; limit: number }

const single = (value: unknown): string | undefined | null => (value === undefined ? undefined : typeof value === 'string' ? value : null)

/**
 * The query of `GET /api/search`, or what is wrong with it, each problem naming its parameter.
 * The syntax of `locale`, `page` and `limit` is the whole API's (src/api/strictQuery.ts, checked
 * before); here what search adds: a query to search for, one locale, and the API's page size.
 */
export const searchParams = (query: Record<string, unknown>, fallbackLocale: Locale): { params?: SearchParams; problems: Problem[] } => {
  const problems: Problem[] = []
  const q = single(query.q)
  const text = typeof q === 'string' ? q.trim() : ''
  if (q === null) problems.push({ path: 'q', message: 'q: give it once, as a single value' })
  else if (text === '') problems.push({ path: 'q', message: 'q: the words to search for are missing (q=…)' })
  else if ([...text].length > maxQueryLength) problems.push({ path: 'q', message: `q: at most ${maxQueryLength} characters (got ${[...text].length})` })
  const locale = single(query.locale) || fallbackLocale
  if (!isLocale(locale)) problems.push({ path: 'locale', message: `locale: search reads one locale: ${localeCodes.join(', ')}` })
  const page = Number(single(query.page) || 1)
  const limit = Number(single(query.limit) || defaultSearchLimit)
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPublicLimit) {
    problems.push({ path: 'limit', message: `limit: between 1 and ${maxPublicLimit} results a page (asked ${single(query.limit)})` })
  }
  if (!Number.isInteger(page) || page < 1) problems.push({ path: 'page', message: 'page: a page number from 1' })
  if (problems.length > 0) return { problems }
  return { params: { q: text, locale: locale as Locale, page, limit }, problems }
}

/** A reader's query on the site: the same rules, where a query too long is cut rather than refused. */
export const readerQuery = (value: string | string[] | undefined): string =>
  [...(Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim()].slice(0, maxQueryLength).join('')
