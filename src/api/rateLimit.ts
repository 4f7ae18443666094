export type RateLimitVerdict = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number }

type Window = { startedAt: number; count: number }

/** Windows kept before the expired ones are swept, so a flood of addresses cannot grow memory without end. */
const sweepAbove = 50_000

/**
 * A fixed window per client: at most `limit` requests in each `windowSeconds`. In process memory,
 * so each server instance counts on its own (see docs/api-limits.md).
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

/** The IETF draft's RateLimit fields, and Retry-After once the client is over the limit. */
export const rateLimitHeaders = (verdict: RateLimitVerdict): Record<string, string> => ({
  'RateLimit-Limit': String(verdict.limit),
  'RateLimit-Remaining': String(verdict.remaining),
  'RateLimit-Reset': String(verdict.resetSeconds),
  'RateLimit-Policy': `${verdict.limit};w=${verdict.windowSeconds}`,
  ...(verdict.allowed ? {} : { 'Retry-After': String(verdict.resetSeconds) }),
})
