/**
 * How long anything kept of public content (Lagon's reader pages and API reads, Next's data
 * cache) may be served without hearing of a change: a safety net for a change event lost on the
 * way (an instance whose listener was reconnecting), not the way content gets fresh.
 */
export const cacheTtlSeconds = (): number => {
  const seconds = Number(process.env.LAGON_CACHE_TTL_SECONDS || 300)
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 300
}

/** The PostgreSQL channel on which instances tell one another which cache tags a change expired. */
export const changeChannel = 'lagon_changes'
