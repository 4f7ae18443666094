import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Reads that a render asks for one document at a time, each through its own cache entry (its own
 * key and tags, so that an edit expires and re-reads only that document), made together when the
 * cache misses: the documents whose entries are missing are read in one query per collection
 * (`id in (…)`) instead of one query each.
 *
 * `readTogether` asks for every wanted document through `readOne` (the cached read) and waits
 * until each has either come from the cache or reached `batchedRead` (the cache missed and wants
 * it read); then it reads those with `readMany` and hands each its own document.
 */
type Wanted<C extends string> = { collection: C; id: number }

type Batch = { read: (collection: string, id: number) => Promise<unknown> | undefined }

const current = new AsyncLocalStorage<Batch>()

/** A miss of the cache that a batch waits for does not wait longer than this for the others. */
const maxWaitMs = 20

const keyOf = (collection: string, id: number) => `${collection}:${id}`

export const readTogether = async <C extends string, T>(
  wanted: Wanted<C>[],
  readOne: (collection: C, id: number) => Promise<T>,
  readMany: (collection: C, ids: number[]) => Promise<Map<number, unknown>>,
): Promise<T[]> => {
  const open = new Set(wanted.map(({ collection, id }) => keyOf(collection, id)))
  const asked = new Map<string, { collection: C; id: number; resolve: (doc: unknown) => void; reject: (error: unknown) => void }>()
  let flushed = false
  let timer: NodeJS.Timeout | undefined

  const flush = () => {
    if (flushed || asked.size === 0) return
    flushed = true
    clearTimeout(timer)
    const byCollection = new Map<C, number[]>()
    for (const { collection, id } of asked.values()) byCollection.set(collection, [...(byCollection.get(collection) ?? []), id])
    for (const [collection, ids] of byCollection) {
      readMany(collection, ids).then(
        (docs) => ids.forEach((id) => asked.get(keyOf(collection, id))!.resolve(docs.get(id) ?? null)),
        (error: unknown) => ids.forEach((id) => asked.get(keyOf(collection, id))!.reject(error)),
      )
    }
  }
  // Every wanted document came from the cache or waits here: nothing else will ask.
  const flushWhenAllAsked = () => {
    if ([...open].every((key) => asked.has(key))) flush()
  }

  const batch: Batch = {
    read: (collection, id) => {
      const key = keyOf(collection, id)
      if (flushed || !open.has(key) || asked.has(key)) return undefined
      const doc = new Promise<unknown>((resolve, reject) => asked.set(key, { collection: collection as C, id, resolve, reject }))
      timer ??= setTimeout(flush, maxWaitMs)
      flushWhenAllAsked()
      return doc
    },
  }
  return Promise.all(
    wanted.map(({ collection, id }) =>
      current.run(batch, () => readOne(collection, id)).finally(() => {
        open.delete(keyOf(collection, id))
        flushWhenAllAsked()
      }),
    ),
  )
}

/**
 * For the read that a cache miss makes: the document from its batch's one query, when a batch of
 * `readTogether` wants it; undefined otherwise (then it is read alone).
 */
export const batchedRead = (collection: string, id: number): Promise<unknown> | undefined => current.getStore()?.read(collection, id)
