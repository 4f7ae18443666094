import { localeCodes, searchConfigOf, type Locale } from '@/lib/locales'

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
