/** A pg pool: Payload's (its own copy of pg's types), or any. */
type Pool = { query: (text: string, values: unknown[]) => Promise<unknown>; ended?: boolean }

type Usage = { requests: number; lastUsedAt: Date }

type State = {
  pending: Map<number, Usage>
  pool?: Pool
  timer?: ReturnType<typeof setInterval>
  flushing?: Promise<void>
}

/**
 * On globalThis: the API route and the hooks (Next's bundles) count, Lagon's server
 * (src/server/main.ts, outside them) flushes on shutdown.
 */
const key = Symbol.for('lagon.keyAttribution')
const state: State = ((globalThis as Record<symbol, State | undefined>)[key] ??= { pending: new Map() })

/** How often each instance writes what its keys' requests added up to. */
export const attributionFlushMs = 2_000

const write = async (pool: Pool, batch: Map<number, Usage>): Promise<void> => {
  const ids = [...batch.keys()]
  const usages = [...batch.values()]
  // One statement for every key: a request adds nothing to the database's work but this.
  await pool.query(
    `update api_keys k
        set request_count = coalesce(k.request_count, 0) + u.requests,
            last_used_at = greatest(k.last_used_at, u.last_used_at)
       from unnest($1::int[], $2::int[], $3::timestamptz[]) as u(id, requests, last_used_at)
      where k.id = u.id`,
    [ids, usages.map((usage) => usage.requests), usages.map((usage) => usage.lastUsedAt)],
  )
  for (const [id, usage] of batch) console.log(`lagon: API key ${id}: ${usage.requests} request(s), the last at ${usage.lastUsedAt.toISOString()}`)
}

/** Writes what was counted since the last flush; what fails to be written is counted again next time. */
export const flushKeyAttribution = async (): Promise<void> => {
  await state.flushing
  const { pool } = state
  if (!pool || state.pending.size === 0) return
  const batch = state.pending
  state.pending = new Map()
  state.flushing = write(pool, batch)
    .catch((error: unknown) => {
      // Payload was shut down without Lagon's server (a script, a test): nowhere left to write.
      if (pool.ended) return
      console.error(`lagon: could not record API keys' requests: ${error instanceof Error ? error.message : String(error)}`)
      for (const [id, usage] of batch) countUsage(id, usage)
    })
    .finally(() => {
      state.flushing = undefined
    })
  await state.flushing
}

const countUsage = (id: number, usage: Usage): void => {
  const known = state.pending.get(id)
  state.pending.set(id, known ? { requests: known.requests + usage.requests, lastUsedAt: new Date(Math.max(+known.lastUsedAt, +usage.lastUsedAt)) } : usage)
}

/**
 * Counts one request made with key `id` (its `requestCount` and `lastUsedAt`), in memory: each
 * instance writes its counts every few seconds (`attributionFlushMs`) and when it stops, so a
 * request served from memory does not wait on a database write.
 */
export const countKeyRequest = (pool: Pool, id: number): void => {
  countUsage(id, { requests: 1, lastUsedAt: new Date() })
  state.pool = pool
  if (!state.timer) {
    state.timer = setInterval(() => void flushKeyAttribution(), attributionFlushMs)
    state.timer.unref()
  }
}
