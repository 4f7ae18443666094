import { getPayload, type SanitizedConfig } from 'payload'

import { presentsApiKey } from '@/access/apiKeys'

import { presentedKey, type KeyDocument } from './apiKeyLookup'
import { carriesCredentials } from './publicReads'

/**
 * Who sends an API request, as far as caching goes: no credentials; a key of scope `read`, which
 * sees exactly what anonymous readers see (src/access/readerView.ts) and so shares their cached
 * answers; a key that does not exist or was revoked (refused at once); anyone else (staff, a
 * `read-drafts` key, a session cookie, a token Payload may or may not accept), whose answers are
 * Payload's to make every time.
 */
export type Reader = { kind: 'anonymous' } | { kind: 'read key'; key: KeyDocument } | { kind: 'refused key' } | { kind: 'other' }

const cookieToken = (request: Request, cookiePrefix: string): boolean =>
  (request.headers.get('cookie') ?? '').split(';').some((cookie) => cookie.trim().startsWith(`${cookiePrefix}-token=`))

/** The key is looked up in memory (src/api/apiKeyLookup.ts): no database read per request. */
export const readerOf = async (request: Request, config: SanitizedConfig): Promise<Reader> => {
  if (!carriesCredentials(request, config.cookiePrefix)) return { kind: 'anonymous' }
  if (!presentsApiKey(request.headers) || cookieToken(request, config.cookiePrefix)) return { kind: 'other' }
  const key = await presentedKey(request.headers, await getPayload({ config }))
  if (!key || key.revoked) return { kind: 'refused key' }
  return key.scope === 'read' ? { kind: 'read key', key } : { kind: 'other' }
}
