/**
 * Verifying a Lagon webhook, as a receiver does it. Self-contained (Node's crypto only) so that a
 * receiver can copy this file; Lagon signs with the same `signature` function.
 *
 *   const result = verifyWebhook({ secret, body: rawBody, header: request.headers['lagon-signature'] })
 *   if (!result.ok) return respond(400, result.reason)
 *
 * `body` must be the raw request body, byte for byte: parsing and re-serializing JSON changes it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

/** Older signatures are refused, so that a captured request cannot be replayed later. */
export const defaultToleranceSeconds = 5 * 60

/** HMAC-SHA256, hex, of `${timestamp}.${body}` with the endpoint's secret. */
export const signature = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')

/** The `Lagon-Signature` header: `t=<unix seconds>,v1=<hex signature>`. */
export const signatureHeader = (secret: string, timestamp: number, body: string): string =>
  `t=${timestamp},v1=${signature(secret, timestamp, body)}`

export type Verification = { ok: true; timestamp: number } | { ok: false; reason: string }

export const verifyWebhook = ({
  secret,
  body,
  header,
  toleranceSeconds = defaultToleranceSeconds,
  now = Date.now(),
}: {
  secret: string
  body: string
  header: string | null | undefined
  toleranceSeconds?: number
  now?: number
}): Verification => {
  if (!header) return { ok: false, reason: 'no Lagon-Signature header' }
  const parts = header.split(',').map((part) => part.trim().split('=') as [string, string | undefined])
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1])
  const candidates = parts.filter(([key, value]) => key === 'v1' && value).map(([, value]) => value as string)
  if (!Number.isInteger(timestamp) || candidates.length === 0) return { ok: false, reason: 'malformed Lagon-Signature header' }
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'timestamp outside the tolerance' }
  const expected = Buffer.from(signature(secret, timestamp, body), 'hex')
  // Lagon sends one v1 today; accepting any that matches leaves room to send two while a secret changes.
  const matches = candidates.some((candidate) => {
    const given = Buffer.from(candidate, 'hex')
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'signature mismatch' }
}
