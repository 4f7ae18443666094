export type CachedRead = { body: Uint8Array; etag: string; contentType: string }

type State = {
  generation: number
  /** One store per kind of public read: the API's answers, the reader site's pages. */
  stores: Map<string, Map<string, unknown>>
}

/**
 * On globalThis, like Payload's own instance: Next may load this module once per route bundle,
 * the reader-page server (src/server/) loads it outside Next's bundles, and the REST route, the
 * GraphQL route, the page server and the collection hooks must share one generation.
 */
const key = Symbol.for('lagon.publicReadCache')
const state = ((globalThis as Record<symbol, State | undefined>)[key] ??= {
  generation: 0,
  stores: new Map(),
})

/**
 * Forgets every cached public read, API answers and reader pages alike. Called on every change to
 * public content: `depth` populates relationships and pages embed carriers and tips, so one media
 * or carrier edit can change any article's response, and only a global invalidation is simple
 * enough to be obviously correct.
 */
export const forgetPublicReads = (): void => {
  state.generation += 1
  for (const entries of state.stores.values()) entries.clear()
}

/** The current generation: a read remembers it when it starts, and is stored only if no change happened meanwhile. */
export const publicReadGeneration = (): number => state.generation

export type PublicReadStore<T> = {
  get: (key: string) => T | undefined
  /** Keeps `value` unless public content changed since `startedAt`; the least recently used go first beyond `maxEntries`. */
  store: (key: string, value: T, startedAt: number, maxEntries: number) => void
}

/** A store of public reads of one kind (`name`), forgotten with all the others. */
export const publicReadStore = <T,>(name: string): PublicReadStore<T> => {
  let entries = state.stores.get(name) as Map<string, T> | undefined
  if (!entries) state.stores.set(name, (entries = new Map<string, T>()))
  const kept = entries
  return {
    get: (key) => {
      const entry = kept.get(key)
      if (entry !== undefined) {
        // Least recently used goes first: a hit moves to the end.
        kept.delete(key)
        kept.set(key, entry)
      }
      return entry
    },
    store: (key, value, startedAt, maxEntries) => {
      if (startedAt !== state.generation || maxEntries === 0) return
      kept.set(key, value)
      while (kept.size > maxEntries) kept.delete(kept.keys().next().value!)
    },
  }
}

const apiReads = publicReadStore<CachedRead>('api')

export const cachedPublicRead = apiReads.get

/** Bodies above this are served but not kept: a few large lists must not push out every article. */
const maxBodyBytes = 2 * 1024 * 1024

export const storePublicRead = (url: string, read: CachedRead, startedAt: number, maxEntries: number): void => {
  if (read.body.byteLength <= maxBodyBytes) apiReads.store(url, read, startedAt, maxEntries)
}
