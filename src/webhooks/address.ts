import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

import type { Messages } from '@/messages'

/**
 * Addresses a webhook may not reach: the server itself, the private networks around it, cloud
 * metadata services (169.254.169.254), multicast and reserved ranges. A webhook is an admin's
 * request made from inside the network; without this it reads the network's answers for them.
 */
const refused = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  refused.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['100::', 64],
  ['2001:db8::', 32],
] as const) {
  refused.addSubnet(network, prefix, 'ipv6')
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is checked as the IPv4 it is. */
const isRefused = (address: string): boolean => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  if (mapped) return refused.check(mapped, 'ipv4')
  return refused.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')
}

/** WEBHOOK_ALLOW_PRIVATE=true: receivers on this machine or its network (development, tests). */
export const privateAddressesAllowed = (): boolean => process.env.WEBHOOK_ALLOW_PRIVATE === 'true'

/** Why a URL may not receive webhooks: its host resolves to no address, or to `address`, which is not public. */
export type AddressRefusal = { host: string; address?: string }

/** A refusal in words, in the language of `text` (the validation messages of src/messages/). */
export const describeRefusal = ({ host, address }: AddressRefusal, text: Messages['validation']): string =>
  address ? text.webhookNotPublic(host, address) : text.webhookUnresolved(host)

/**
 * Why `url` may not receive webhooks, or `undefined`. The host is resolved as the delivery will
 * resolve it (`127.1`, `0x7f000001` and a name pointing at 127.0.0.1 alike), and every address it
 * resolves to must be public.
 */
export const refusedWebhookAddress = async (url: string): Promise<AddressRefusal | undefined> => {
  if (privateAddressesAllowed()) return undefined
  let host: string
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  } catch {
    return undefined
  }
  let addresses: string[]
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address)
  } catch {
    return { host }
  }
  const blocked = addresses.find(isRefused)
  return blocked ? { host, address: blocked } : undefined
}
