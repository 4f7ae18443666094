import { createHash, createHmac } from 'node:crypto'

import type { AuthStrategy, Payload } from 'payload'

import { presentsApiKey } from '@/access/apiKeys'
import { expiryClock, taggedStore } from '@/freshness/taggedStore'
import { tags } from '@/site/tags'

/** What the API needs of a key: Payload's own document, as its api-key strategy finds it. */
export type KeyDocument = { id: number; scope?: string | null; revoked?: boolean | null } & Record<string, unknown>

type Lookup = { key: KeyDocument | null }

/**
 * Keys looked up, by the hash of the Authorization header that named them: found (revoked or
 * not) or unknown. Every write to a key (created, edited, revoked, deleted) expires them all
 * (`tags.apiKeys`, on every instance through the change bus: collections/ApiKeys/hooks), so a
 * revoked key is refused on the next request; a key's document is not served from here to
 * anyone but the request that presents it.
 */
const lookups = taggedStore<Lookup>('api-keys')
const maxLookups = 5_000

const headerName = 'api-keys API-Key '

const lookupKey = (authorization: string): string => createHash('sha256').update(authorization).digest('base64url')

/**
 * Payload's api-key strategy, as it stands in Payload 3.90 (`auth/strategies/apiKey.ts`, not
 * exported): the key's HMAC with the secret, SHA-256 now and SHA-1 for keys made before 3.46.
 */
const findKey = async (payload: Payload, apiKey: string): Promise<KeyDocument | null> => {
  const index = (algorithm: string) => createHmac(algorithm, payload.secret).update(apiKey).digest('hex')
  const { docs } = await payload.find({
    collection: 'api-keys',
    where: { or: [{ apiKeyIndex: { equals: index('sha256') } }, { apiKeyIndex: { equals: index('sha1') } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  return (docs[0] as unknown as KeyDocument | undefined) ?? null
}

/**
 * The key a request presents (`Authorization: api-keys API-Key …`), revoked or not, or null when
 * no key has that value; undefined when the request presents none. One database read per key
 * and change, not per request.
 */
export const presentedKey = async (headers: Headers, payload: Payload): Promise<KeyDocument | null | undefined> => {
  const authorization = headers.get('authorization')
  if (!authorization || !presentsApiKey(headers)) return undefined
  const cacheKey = lookupKey(authorization)
  const known = lookups.get(cacheKey)
  if (known) return known.key
  const startedAt = expiryClock()
  const key = await findKey(payload, authorization.slice(headerName.length))
  lookups.store(cacheKey, { key }, [tags.apiKeys], startedAt, maxLookups)
  return key
}

/**
 * Payload's api-key strategy with the lookup above: it runs before Payload's own (a collection's
 * strategies come first), so Payload's own runs, and reads the database again, only for a key
 * that does not exist. `_strategy` is Payload's, which checkApiKey relies on.
 */
export const cachedApiKeyStrategy: AuthStrategy = {
  name: 'api-keys-cached',
  authenticate: async ({ headers, payload }) => {
    const key = await presentedKey(headers, payload)
    return { user: key ? ({ ...key, collection: 'api-keys', _strategy: 'api-key' } as never) : null }
  },
}
