import { expiryClock, taggedStore, type TaggedStore } from '@/freshness/taggedStore'

import type { SearchResult } from './query'
import { searchCacheEntries } from './settings'

/** On globalThis: the API's route, the site's pages and the change listener share one store (src/freshness/taggedStore.ts). */
const storeKey = Symbol.for('lagon.search.cache')
const results = ((globalThis as Record<symbol, TaggedStore<SearchResult> | undefined>)[storeKey] ??= taggedStore<SearchResult>('search'))

/** One page of one query in one locale: the query as the reader typed it, trimmed (its "did you mean" repeats it). */
const keyOf = (locale: string, q: string, page: number, limit: number): string => JSON.stringify([locale, q.trim(), page, limit])

/**
 * One page of readers' search, from this process's memory when it was asked before and no change
 * since touched a lexeme it looked for (`tags`: src/site/tags.ts, expired by src/search/indexer.ts
 * on every instance through src/freshness/), else from `read`. The expiry clock is read before the
 * search starts: a search that read the index before a change expiring its lexemes is not kept.
 */
export const cachedSearch = async (
  { locale, q, page, limit }: { locale: string; q: string; page: number; limit: number },
  read: () => Promise<{ result: SearchResult; tags: string[] }>,
): Promise<SearchResult> => {
  const key = keyOf(locale, q, page, limit)
  const kept = results.get(key)
  if (kept) return kept
  const startedAt = expiryClock()
  const { result, tags } = await read()
  results.store(key, result, tags, startedAt, searchCacheEntries())
  return result
}
