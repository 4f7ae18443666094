import { localeCodes, searchConfigOf, type Locale } from '@/lib/locales'
import { wholeNumber } from '@/lib/wholeNumber'

/**
 * The text search configuration of each locale's vectors and queries, as the locale declares it:
 * Chinese arrives already segmented by jieba (`simple` only lower-cases), English and French are
 * the stock ones with `unaccent` in front (migrations/…_search_index.ts).
 */
export const searchConfig = Object.fromEntries(localeCodes.map((locale) => [locale, searchConfigOf(locale)])) as Record<Locale, string>

/** The longest query taken, in characters: a reader's question, not a document. */
export const maxQueryLength = 200

/** Results a page: the API's default, and the site's. */
export const defaultSearchLimit = 10

/** Readers' searches each process keeps (src/search/cache.ts), from SEARCH_CACHE_ENTRIES; 0 turns the cache off. */
export const searchCacheEntries = (): number => wholeNumber('SEARCH_CACHE_ENTRIES', 1000)

/**
 * Uncached searches whose statements run at once in a process (src/search/query.ts), from
 * SEARCH_CONCURRENCY; the others wait in turn, first come first served. 0: no bound.
 */
export const searchStatements = (): number => wholeNumber('SEARCH_CONCURRENCY', 2)
