import { recencyOrder } from '@/lib/recency'

import { cacheTtlSeconds } from './settings'

/** `expiresAt`: the TTL's end on `performance.now()`'s clock, worked out once when the entry is kept. */
type Entry<T> = { value: T; tags: readonly string[]; expiresAt: number; bytes: number; placed: number }

type Expirable = { expire: (tag: string) => void; clear: () => void }

type State = {
  /** Counts expiries: a read notes it when it starts, and is kept only if none of its tags expired since. */
  clock: number
  /** When each tag last expired, oldest first; the oldest are forgotten beyond `maxRemembered`. */
  expiredAt: Map<string, number>
  /** Reads that started before this clock are never kept: their tags' expiries may have been forgotten. */
  floor: number
  stores: Map<string, Expirable>
}

/**
 * On globalThis, like Payload's own instance: Next may load this module once per route bundle,
 * and Lagon's front (src/server/) loads it outside Next's bundles; the REST route, the front and
 * the change listener must share one clock and one set of stores.
 */
const key = Symbol.for('lagon.taggedStores')
const state = ((globalThis as Record<symbol, State | undefined>)[key] ??= {
  clock: 0,
  expiredAt: new Map<string, number>(),
  floor: 0,
  stores: new Map<string, Expirable>(),
})

const maxRemembered = 10_000

/** The clock a read notes when it starts (see `TaggedStore.store`). */
export const expiryClock = (): number => state.clock

/** Forgets, in every store of this process, the entries that carry any of `tags`. */
export const expireTagsHere = (tags: Iterable<string>): void => {
  state.clock += 1
  for (const tag of tags) {
    state.expiredAt.delete(tag)
    state.expiredAt.set(tag, state.clock)
    for (const store of state.stores.values()) store.expire(tag)
  }
  for (const [tag, at] of state.expiredAt) {
    if (state.expiredAt.size <= maxRemembered) break
    state.expiredAt.delete(tag)
    state.floor = at
  }
}

/**
 * Forgets everything this process keeps: only for when change events may have been missed (the
 * change listener lost its connection), never for a change.
 */
export const forgetEverythingHere = (): void => {
  state.clock += 1
  state.floor = state.clock
  for (const store of state.stores.values()) store.clear()
}

const expiredSince = (tags: readonly string[], startedAt: number): boolean =>
  startedAt < state.floor || tags.some((tag) => (state.expiredAt.get(tag) ?? -1) > startedAt)

export type TaggedStore<T> = {
  get: (key: string) => T | undefined
  /**
   * Keeps `value` under `key` with the tags of what it shows, unless one of them expired since
   * `startedAt` (the read saw data older than the change); the least recently used go first
   * beyond `maxEntries`, or beyond `maxBytes` of what the store's `sizeOf` counts.
   */
  store: (key: string, value: T, tags: readonly string[], startedAt: number, maxEntries: number, maxBytes?: number) => void
  /** What the entries kept weigh, by the store's `sizeOf` (0 without one). */
  bytes: () => number
}

/**
 * A store of public reads of one kind (`name`: API answers, reader pages), each entry forgotten
 * when one of its tags expires or after the TTL. `sizeOf` weighs an entry, for stores whose
 * entries vary from bytes to megabytes: a count alone would not bound their memory.
 */
export const taggedStore = <T>(name: string, sizeOf: (value: T) => number = () => 0): TaggedStore<T> => {
  const entries = new Map<string, Entry<T>>()
  // Least recently used goes first (src/lib/recency.ts).
  const order = recencyOrder()
  const keysByTag = new Map<string, Set<string>>()
  let totalBytes = 0
  const remove = (key: string): void => {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    totalBytes -= entry.bytes
    for (const tag of entry.tags) {
      const keys = keysByTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) keysByTag.delete(tag)
    }
  }
  state.stores.set(name, {
    expire: (tag) => {
      for (const key of keysByTag.get(tag) ?? []) remove(key)
    },
    clear: () => {
      entries.clear()
      keysByTag.clear()
      totalBytes = 0
    },
  })
  return {
    get: (key) => {
      const entry = entries.get(key)
      if (!entry) return undefined
      // Not Date.now(), which Next wraps (a check of its render's context on each call), nor the
      // TTL from the environment: this runs on every hit of the reader pages (src/server/).
      if (performance.now() > entry.expiresAt) {
        remove(key)
        return undefined
      }
      order.read(entries, key, entry)
      return entry.value
    },
    store: (key, value, tags, startedAt, maxEntries, maxBytes = Infinity) => {
      const bytes = sizeOf(value)
      if (maxEntries <= 0 || bytes > maxBytes || expiredSince(tags, startedAt)) return
      remove(key)
      entries.set(key, { value, tags, expiresAt: performance.now() + cacheTtlSeconds() * 1000, bytes, placed: order.placed() })
      totalBytes += bytes
      for (const tag of tags) {
        let keys = keysByTag.get(tag)
        if (!keys) keysByTag.set(tag, (keys = new Set()))
        keys.add(key)
      }
      while (entries.size > maxEntries || totalBytes > maxBytes) remove(entries.keys().next().value!)
    },
    bytes: () => totalBytes,
  }
}
