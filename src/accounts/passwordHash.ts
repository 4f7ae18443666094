import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const derive = promisify(pbkdf2)

/**
 * Payload's stored password format (payload/dist/auth/strategies/local/generatePasswordSaltHash.js,
 * not exported): PBKDF2-SHA256, 600,000 rounds and 32 bytes behind the `pbkdf2-sha256-v1:`
 * prefix, or the legacy 25,000 rounds and 512 bytes without it.
 */
const current = { prefix: 'pbkdf2-sha256-v1:', iterations: 600_000, keyLength: 32 }
const legacy = { iterations: 25_000, keyLength: 512 }

/** Whether `password` is the one stored as `hash` and `salt` (hex), in constant time. */
export const passwordMatches = async (password: string, { hash, salt }: { hash?: unknown; salt?: unknown }): Promise<boolean> => {
  if (typeof hash !== 'string' || typeof salt !== 'string') return false
  const isCurrent = hash.startsWith(current.prefix)
  const { iterations, keyLength } = isCurrent ? current : legacy
  const stored = Buffer.from(isCurrent ? hash.slice(current.prefix.length) : hash, 'hex')
  const derived = await derive(password, salt, iterations, keyLength, 'sha256')
  return derived.length === stored.length && timingSafeEqual(derived, stored)
}

const dummySalt = randomBytes(32).toString('hex')

/**
 * The work of checking a password against an account, for an e-mail no account has: the answer
 * to an unknown address then takes as long as the answer to a wrong password, and says nothing of
 * who has an account.
 */
export const hashAsIfChecking = async (password: string): Promise<void> => {
  await derive(password, dummySalt, current.iterations, current.keyLength, 'sha256')
}
