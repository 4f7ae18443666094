export type CachedRead = { body: Uint8Array; etag: string; contentType: string }

type State = { generation: number; entries: Map<string, CachedRead>; changingTransactions: Set<number | string> }

/**
 * On globalThis, like Payload's own instance: Next may load this module once per route bundle,
 * and the REST route, the GraphQL route and the collection hooks must share one cache.
 */
const key = Symbol.for('lagon.publicReadCache')
const state = ((globalThis as Record<symbol, State | undefined>)[key] ??= { generation: 0, entries: new Map(), changingTransactions: new Set() })

/**
 * Forgets every cached public read. Called on every change to public content: `depth` populates
 * relationships, so one media or carrier edit can change any article's response, and only a
 * global invalidation is simple enough to be obviously correct.
 */
export const forgetPublicReads = (): void => {
  state.generation += 1
  state.entries.clear()
}

/** Transactions that changed public content: the cache is forgotten again when they commit. */
export const transactionsChangingPublicReads = state.changingTransactions

/** The current generation: a read remembers it when it starts, and is stored only if no change happened meanwhile. */
export const publicReadGeneration = (): number => state.generation

export const cachedPublicRead = (url: string): CachedRead | undefined => {
  const entry = state.entries.get(url)
  if (entry) {
    // Least recently used goes first: a hit moves to the end.
    state.entries.delete(url)
    state.entries.set(url, entry)
  }
  return entry
}

/** Bodies above this are served but not kept: a few large lists must not push out every article. */
const maxBodyBytes = 2 * 1024 * 1024

export const storePublicRead = (url: string, read: CachedRead, startedAt: number, maxEntries: number): void => {
  if (startedAt !== state.generation || maxEntries === 0 || read.body.byteLength > maxBodyBytes) return
  state.entries.set(url, read)
  while (state.entries.size > maxEntries) state.entries.delete(state.entries.keys().next().value!)
}
