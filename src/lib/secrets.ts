import { createHash, timingSafeEqual } from 'node:crypto'

/** A secret for one purpose, derived from PAYLOAD_SECRET so that a fresh install needs no setting. */
export const derivedSecret = (purpose: string): string =>
  createHash('sha256').update(`lagon-${purpose}:${process.env.PAYLOAD_SECRET ?? ''}`).digest('hex').slice(0, 32)

/** Compares in constant time, so that a wrong guess tells nothing about the secret. */
export const isSameSecret = (candidate: string | null | undefined, expected: string): boolean => {
  const given = Buffer.from(candidate ?? '')
  const wanted = Buffer.from(expected)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}
