import { wholeNumber } from '@/lib/wholeNumber'

import { parseTrustedProxies, type TrustedProxies } from './clientAddress'
import type { GraphQLLimits } from './graphqlCost'

/**
 * The public API's limits, from the environment (documented in .env.example and docs/api-limits.md).
 * Read when first needed, so a test process can set its own before the first request.
 */
export type ApiSettings = {
  /** Requests one client may make per window; 0 turns rate limiting off. */
  rateLimit: number
  rateLimitWindowSeconds: number
  /** The proxies in front of Lagon whose X-Forwarded-For entries count (TRUSTED_PROXIES). */
  trustedProxies: TrustedProxies
  /** Responses the in-process cache of public reads keeps; 0 turns it off. */
  /** Bounds of the kept public reads (src/api/publicReadCache.ts): answers, and their bodies' bytes together. */
  readCache: { entries: number; bytes: number }
  /** Largest JSON body (REST and GraphQL), in bytes. */
  maxBodyBytes: number
  /** Largest body that carries a file (an upload and its form, an XLIFF document), in bytes. */
  maxFileBodyBytes: number
  graphql: GraphQLLimits
}

const megabyte = 1024 * 1024

/** Tokens GraphQL's parser reads before giving up: every parse of a request's document uses it (graphqlDocument.ts). */
export const graphqlMaxTokens = 5000

export const readApiSettings = (): ApiSettings => ({
  rateLimit: wholeNumber('API_RATE_LIMIT', 1200),
  rateLimitWindowSeconds: Math.max(1, wholeNumber('API_RATE_LIMIT_WINDOW', 60)),
  trustedProxies: parseTrustedProxies(),
  readCache: { entries: wholeNumber('API_READ_CACHE_ENTRIES', 1000), bytes: wholeNumber('API_READ_CACHE_MB', 32) * megabyte },
  maxBodyBytes: Math.max(1, wholeNumber('API_MAX_BODY_KB', 2048)) * 1024,
  // The files themselves are limited by MEDIA_MAX_MB (Payload's own check names the file) and
  // XLIFF's 20 MB (its endpoint's); the form around them by one more megabyte.
  maxFileBodyBytes: (Math.max(Number(process.env.MEDIA_MAX_MB || 10), 20) + 1) * megabyte,
  graphql: {
    maxQueries: Math.max(1, wholeNumber('GRAPHQL_MAX_QUERIES', 10)),
    maxAliases: wholeNumber('GRAPHQL_MAX_ALIASES', 20),
    maxDepth: Math.max(1, wholeNumber('GRAPHQL_MAX_DEPTH', 10)),
    maxComplexity: Math.max(1, wholeNumber('GRAPHQL_MAX_COMPLEXITY', 5000)),
    maxTokens: graphqlMaxTokens,
  },
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
