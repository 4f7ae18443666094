import { wholeNumber } from '@/lib/wholeNumber'

/**
 * The public API's limits, from the environment (documented in .env.example and docs/api-limits.md).
 * Read when first needed, so a test process can set its own before the first request.
 */
export type ApiSettings = {
  /** Requests one client may make per window; 0 turns rate limiting off. */
  rateLimit: number
  rateLimitWindowSeconds: number
  /** How many proxies in front of Lagon append to X-Forwarded-For (0: none). */
  trustedProxies: number
  /** Responses the in-process cache of public reads keeps; 0 turns it off. */
  readCacheEntries: number
}

export const readApiSettings = (): ApiSettings => ({
  rateLimit: wholeNumber('API_RATE_LIMIT', 1200),
  rateLimitWindowSeconds: Math.max(1, wholeNumber('API_RATE_LIMIT_WINDOW', 60)),
  trustedProxies: wholeNumber('API_TRUSTED_PROXIES', 0),
  readCacheEntries: wholeNumber('API_READ_CACHE_ENTRIES', 1000),
})

/** Deepest relationship population, and most documents per page, an anonymous client may ask for. */
export const maxPublicDepth = 3
export const maxPublicLimit = 100

/**
 * Origins allowed to call the API from a browser (CORS_ORIGINS, comma-separated, or `*`).
 * Unset: none, so only Lagon's own pages (same origin) can.
 */
export const corsOrigins = (raw = process.env.CORS_ORIGINS ?? ''): string[] | '*' => {
  if (raw.trim() === '*') return '*'
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      let parsed: URL
      try {
        parsed = new URL(origin)
      } catch {
        throw new Error(`CORS_ORIGINS: "${origin}" is not an origin such as https://example.org`)
      }
      if (parsed.origin !== origin) throw new Error(`CORS_ORIGINS: "${origin}" should be written ${parsed.origin}`)
      return origin
    })
}
