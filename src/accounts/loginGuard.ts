import { APIError, AuthenticationError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { clientAddress } from '@/api/clientAddress'
import { createSharedRateLimiter, type Queryable } from '@/api/rateLimit'
import { readApiSettings } from '@/api/settings'

import { countAttempt, forgetFailures, forgetOldFailures, lockedForSeconds, lockoutKey } from './lockout'
import { hashAsIfChecking } from './passwordHash'
import { readAccountSettings, type AccountSettings } from './settings'

type Guard = {
  settings: AccountSettings
  limit: ReturnType<typeof createSharedRateLimiter>
  sweptAt: number
}

const guardKey = Symbol.for('lagon.loginGuard')
/** Where the attempt's lockout row is kept between the check and a successful login. */
const attemptKey = 'lagonLoginAttempt'

const dbOf = (req: PayloadRequest): Queryable => req.payload.db.pool as unknown as Queryable

/** Made on the first login, from the environment then; one per process, as the API's policy. */
const guard = (req: PayloadRequest): Guard => {
  const global = globalThis as Record<symbol, Guard | undefined>
  if (!global[guardKey]) {
    const settings = readAccountSettings()
    const limit = createSharedRateLimiter({
      limit: settings.loginRateLimit,
      windowSeconds: settings.loginRateLimitWindowSeconds,
      pool: async () => dbOf(req),
      scope: 'login',
    })
    global[guardKey] = { settings, limit, sweptAt: Date.now() }
  }
  return global[guardKey]
}

const tooMany = (req: PayloadRequest, retryAfter: number, message: string): APIError => {
  req.responseHeaders = new Headers({ 'Retry-After': String(retryAfter), 'Cache-Control': 'private, no-store' })
  return new APIError(message, 429, { retryAfterSeconds: retryAfter }, true)
}

/**
 * Every login over HTTP (REST, GraphQL, the admin's form), before Payload looks at the password,
 * instead of Payload's lock of an account after 5 failures from anywhere (`maxLoginAttempts: 0`),
 * which let anyone lock anyone out:
 * 1. the client address's own login rate limit (LOGIN_RATE_LIMIT per LOGIN_RATE_LIMIT_WINDOW);
 * 2. the lockout of this account for this address, with its doubling wait (lockout.ts);
 * 3. the attempt counted as a failure until it succeeds (`forgetFailuresOnLogin`);
 * 4. for an e-mail no account has, the same password hashing as for a wrong password, so that both
 *    answers take as long and say the same.
 * Logins of the Local API (the seed, scripts) have no client and are not guarded.
 */
export const guardLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
  // Malformed logins are Payload's to refuse (400 naming the field), and cost no hashing.
  if (typeof data.email !== 'string' || typeof data.password !== 'string' || data.password.trim() === '') return args
  const { settings, limit } = guard(req)
  const client = clientAddress(req.headers, readApiSettings().trustedProxies)
  const email = data.email.toLowerCase().trim()
  const db = dbOf(req)

  if (settings.loginRateLimit > 0) {
    const verdict = await limit(client)
    if (!verdict.allowed) {
      throw tooMany(req, verdict.resetSeconds, `too many login attempts: ${verdict.limit} per ${verdict.windowSeconds} s from one client; retry in ${verdict.resetSeconds} s`)
    }
  }
  const key = lockoutKey(email, client)
  const wait = await lockedForSeconds(db, key, settings)
  if (wait > 0) throw tooMany(req, wait, `email: too many failed logins to this account from this client; retry in ${wait} s`)
  await countAttempt(db, key)
  req.context[attemptKey] = key
  const current = guard(req)
  if (Date.now() - current.sweptAt > 60 * 60 * 1000) {
    current.sweptAt = Date.now()
    forgetOldFailures(db).catch(() => {})
  }

  const byEmail = { collection: 'users', req, where: { email: { equals: email } } } as const
  const account = await req.payload.db.findOne(byEmail)
  if (!account) {
    // What Payload does for an account before refusing a wrong password: its lookup again, and the hashing.
    await req.payload.db.findOne(byEmail)
    await hashAsIfChecking(data.password)
    throw new AuthenticationError(req.t)
  }
  return args
}

/** A successful login takes its attempt back, and the pair's earlier failures with it. */
export const forgetFailuresOnLogin: CollectionAfterLoginHook = async ({ req }) => {
  const key = req.context[attemptKey]
  if (typeof key === 'string') await forgetFailures(dbOf(req), key)
}
