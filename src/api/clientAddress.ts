import { BlockList, isIP } from 'node:net'

/**
 * The proxies whose X-Forwarded-For entries Lagon believes (TRUSTED_PROXIES: addresses or CIDR
 * ranges, comma-separated, IPv4 and IPv6). Anything else that writes the header is a client
 * writing what it likes.
 */
export type TrustedProxies = { has: (address: string) => boolean; ranges: string[] }

const bare = (address: string): string => {
  // IPv4 as Node's dual-stack sockets report it (::ffff:203.0.113.1), and [v6]:port or v4:port as some proxies write it.
  const unbracketed = address.startsWith('[') ? address.slice(1, address.indexOf(']')) : address
  const withoutPort = isIP(unbracketed) === 0 && /^[\d.]+:\d+$/.test(unbracketed) ? unbracketed.slice(0, unbracketed.lastIndexOf(':')) : unbracketed
  return withoutPort.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
}

export const parseTrustedProxies = (raw = process.env.TRUSTED_PROXIES ?? ''): TrustedProxies => {
  // The count it replaces cannot be turned into addresses: left set, it would silently trust no proxy.
  if (process.env.API_TRUSTED_PROXIES && !process.env.TRUSTED_PROXIES) {
    throw new Error('API_TRUSTED_PROXIES (a number of proxies) is replaced by TRUSTED_PROXIES: the proxies\' addresses or CIDR ranges, such as 10.0.0.0/8')
  }
  const list = new BlockList()
  const ranges = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const range of ranges) {
    const [address = '', prefix] = range.split('/')
    const family = isIP(address)
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix)
    if (family === 0 || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`TRUSTED_PROXIES: "${range}" is not an address or a CIDR range such as 10.0.0.0/8 or fd00::/8`)
    }
    list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4')
  }
  return {
    ranges,
    has: (address) => {
      const plain = bare(address)
      const family = isIP(plain)
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4')
    },
  }
}

const hopsOf = (header: string | null | undefined): string[] =>
  (header ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)

/**
 * What Lagon's server (src/server/main.ts) passes on as X-Forwarded-For, from the connection it
 * accepted: the chain the client sent only when the connection comes from a trusted proxy, with
 * that proxy's address appended (as a proxy would); otherwise the connection's address alone. Next
 * keeps an X-Forwarded-For it is given and shows route handlers nothing else of the connection, so
 * this is where a client's own header is thrown away.
 */
export const forwardedFor = (peer: string | undefined, header: string | string[] | undefined, trusted: TrustedProxies): string => {
  const address = bare(peer ?? 'unknown')
  if (!trusted.has(address)) return address
  return [...hopsOf(Array.isArray(header) ? header.join(',') : header), address].join(', ')
}

/**
 * The address a rate limit or a lockout counts requests against: in X-Forwarded-For as
 * `forwardedFor` left it, the rightmost entry that is not a trusted proxy. Entries to its left came
 * from the client and are ignored. All trusted (a request made by a proxy itself): the leftmost.
 */
export const clientAddress = (headers: Headers, trusted: TrustedProxies): string => {
  const hops = hopsOf(headers.get('x-forwarded-for')).map(bare)
  if (hops.length === 0) return 'unknown'
  for (let index = hops.length - 1; index >= 0; index -= 1) if (!trusted.has(hops[index]!)) return hops[index]!
  return hops[0]!
}
