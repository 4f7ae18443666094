/**
 * Least recently used first, in a Map's own order (insertion order), for entries read far more
 * often than they are written: the reader pages kept in memory (src/server/) and the tagged stores
 * of public reads (src/freshness/taggedStore.ts).
 *
 * Moving an entry to the end is a delete and a set, and V8 makes that slow for a key moved again
 * and again: 60 ns in a map of 2 entries, 8.6 µs in one of 2,600 (Node 20), on every read of a
 * page everyone reads. So a read moves its entry only once at least half of the entries (one at
 * least) were put at the end since it was: until then it is among the newer half, which goes last
 * anyway. An entry read is then kept at least until half of the entries have been put after it,
 * where an exact order would keep it until all of them had.
 */
export type Placed = { placed: number }

export const recencyOrder = () => {
  let placements = 0
  return {
    /** The mark of an entry put at the end of its map now (a new one, or a new value for its key). */
    placed: (): number => ++placements,
    /** A read of `entry`, kept at `key` in `entries`. */
    read: <K, E extends Placed>(entries: Map<K, E>, key: K, entry: E): void => {
      if (placements - entry.placed < Math.max(1, entries.size >> 1)) return
      entries.delete(key)
      entry.placed = ++placements
      entries.set(key, entry)
    },
  }
}
