/**
 * The address a rate limit counts requests against. Next's server writes the connection's address
 * into X-Forwarded-For when the request has none, and route handlers see nothing else of the
 * connection. With `trustedProxies` proxies in front, each appending the address it saw, the
 * client is the entry the outermost trusted proxy wrote; entries to its left came from the client
 * and are ignored. With none, the last entry is the connection's address (see docs/api-limits.md
 * for what a client can do when Lagon faces the internet without a proxy).
 */
export const clientAddress = (headers: Headers, trustedProxies: number): string => {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  if (hops.length === 0) return 'unknown'
  return hops[Math.max(0, hops.length - Math.max(1, trustedProxies))]!
}
