export type RateLimitVerdict = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number }

type Window = { startedAt: number; count: number }

/** Windows kept before the expired ones are swept, so a flood of addresses cannot grow memory without end. */
const sweepAbove = 50_000

/**
 * A fixed window per client: at most `limit` requests in each `windowSeconds`, starting with the
 * client's first request. In process memory: what an instance counts while the shared counters
 * (below) cannot be reached.
 */
export const createRateLimiter = ({ limit, windowSeconds, now = Date.now }: { limit: number; windowSeconds: number; now?: () => number }) => {
  const windowMs = windowSeconds * 1000
  const windows = new Map<string, Window>()
  const sweep = (time: number) => {
    for (const [key, window] of windows) if (time - window.startedAt >= windowMs) windows.delete(key)
  }
  return (client: string): RateLimitVerdict => {
    const time = now()
    let window = windows.get(client)
    if (!window || time - window.startedAt >= windowMs) {
      if (windows.size >= sweepAbove) sweep(time)
      window = { startedAt: time, count: 0 }
      windows.set(client, window)
    }
    window.count += 1
    return {
      allowed: window.count <= limit,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - time) / 1000)),
      windowSeconds,
    }
  }
}

/** The part of a PostgreSQL pool the shared counters use (Payload's `payload.db.pool`). */
export type Queryable = { query: <Row>(text: string, values: unknown[]) => Promise<{ rows: Row[] }> }

/**
 * One upsert per request: the client's row is counted up, or starts a new window once the last
 * one has passed, as the in-memory limiter does. `now()` is the database's clock, the same for
 * every instance.
 */
const countRequest = `
  insert into rate_limits as counted (client, window_started_at, count) values ($1, now(), 1)
  on conflict (client) do update set
    count = case when counted.window_started_at > now() - make_interval(secs => $2) then counted.count + 1 else 1 end,
    window_started_at = case when counted.window_started_at > now() - make_interval(secs => $2) then counted.window_started_at else now() end
  returning count, extract(epoch from counted.window_started_at + make_interval(secs => $2) - now())::float8 as reset_seconds`

/**
 * Each limiter forgets only its own rows: the API's (bare addresses) and those of a `scope`
 * (`login|…`, `lockout|…`, see src/accounts/) live in one table with windows of their own.
 */
const forgetPastWindows = (scope: string | undefined) =>
  scope
    ? 'delete from rate_limits where window_started_at <= now() - make_interval(secs => $1) and starts_with(client, $2)'
    : "delete from rate_limits where window_started_at <= now() - make_interval(secs => $1) and strpos(client, '|') = 0"

/** The row of `client` in a scope: scopes never share a key with the API's bare addresses. */
export const scopedKey = (scope: string | undefined, client: string): string => (scope ? `${scope}|${client}` : client)

/**
 * The same limit, counted in PostgreSQL's `rate_limits` table (an UNLOGGED table, see its
 * migration), so that every instance behind a load balancer counts against one budget per client
 * (docs/api-limits.md has the cost measured). While the database cannot be reached, each instance
 * falls back to counting in its own memory: clients are still limited, per instance.
 */
export const createSharedRateLimiter = ({
  limit,
  windowSeconds,
  pool,
  scope,
}: {
  limit: number
  windowSeconds: number
  pool: () => Promise<Queryable>
  /** Another limit in the same table (the login's): its rows are `scope|client`. */
  scope?: string
}) => {
  const inMemory = createRateLimiter({ limit, windowSeconds })
  let sweptAt = Date.now()
  let shared = true
  return async (client: string): Promise<RateLimitVerdict> => {
    try {
      const db = await pool()
      if (Date.now() - sweptAt > windowSeconds * 1000) {
        sweptAt = Date.now()
        db.query(forgetPastWindows(scope), scope ? [windowSeconds, `${scope}|`] : [windowSeconds]).catch(() => {})
      }
      const { rows } = await db.query<{ count: number; reset_seconds: number }>(countRequest, [scopedKey(scope, client), windowSeconds])
      const { count, reset_seconds } = rows[0]!
      shared = true
      return {
        allowed: count <= limit,
        limit,
        remaining: Math.max(0, limit - count),
        resetSeconds: Math.max(1, Math.ceil(reset_seconds)),
        windowSeconds,
      }
    } catch (error) {
      if (shared) console.warn(`lagon: rate limit counted in this instance's memory until the database answers (${error instanceof Error ? error.message : String(error)})`)
      shared = false
      return inMemory(client)
    }
  }
}

/** The IETF draft's RateLimit fields, and Retry-After once the client is over the limit. */
export const rateLimitHeaders = (verdict: RateLimitVerdict): Record<string, string> => ({
  'RateLimit-Limit': String(verdict.limit),
  'RateLimit-Remaining': String(verdict.remaining),
  'RateLimit-Reset': String(verdict.resetSeconds),
  'RateLimit-Policy': `${verdict.limit};w=${verdict.windowSeconds}`,
  ...(verdict.allowed ? {} : { 'Retry-After': String(verdict.resetSeconds) }),
})
