import type { Queryable } from '@/api/rateLimit'

import type { AccountSettings } from './settings'

/**
 * Failed logins per account and client address, in the rate limits' shared table (one row per
 * pair, `lockout|email|address`: `count` failures, `window_started_at` the last one), so every
 * instance sees the same lockouts. An attacker's failures lock out the attacker's address for that
 * account, never the account itself: its owner logs in from anywhere else as usual.
 */
export const lockoutKey = (email: string, client: string): string => `lockout|${email}|${client}`

/** Failures are forgotten a day after the last one, or at the next successful login. */
const forgetAfterSeconds = 24 * 60 * 60

const recordAttempt = `
  insert into rate_limits as failed (client, window_started_at, count) values ($1, now(), 1)
  on conflict (client) do update set
    count = case when failed.window_started_at > now() - make_interval(secs => $2) then failed.count + 1 else 1 end,
    window_started_at = now()`

const readFailures = `
  select count, extract(epoch from now() - window_started_at)::float8 as since_seconds
  from rate_limits where client = $1 and window_started_at > now() - make_interval(secs => $2)`

/** How long the pair stays locked after `failures` failures: none before the threshold, then doubling. */
export const lockoutSeconds = (failures: number, settings: AccountSettings): number =>
  failures < settings.lockoutAfter ? 0 : Math.min(settings.lockoutMaxSeconds, settings.lockoutSeconds * 2 ** (failures - settings.lockoutAfter))

/** Seconds the pair has yet to wait (0: it may try). */
export const lockedForSeconds = async (db: Queryable, key: string, settings: AccountSettings): Promise<number> => {
  const { rows } = await db.query<{ count: number; since_seconds: number }>(readFailures, [key, forgetAfterSeconds])
  const row = rows[0]
  if (!row) return 0
  return Math.max(0, Math.ceil(lockoutSeconds(row.count, settings) - row.since_seconds))
}

/**
 * Counted as a failure before the password is checked, and taken back when it was right: two
 * guesses sent at once cannot both slip in before either is counted.
 */
export const countAttempt = async (db: Queryable, key: string): Promise<void> => {
  await db.query(recordAttempt, [key, forgetAfterSeconds])
}

export const forgetFailures = async (db: Queryable, key: string): Promise<void> => {
  await db.query('delete from rate_limits where client = $1', [key])
}

/** Pairs a day past their last failure, swept now and then by the login guard. */
export const forgetOldFailures = (db: Queryable): Promise<unknown> =>
  db.query("delete from rate_limits where starts_with(client, 'lockout|') and window_started_at <= now() - make_interval(secs => $1)", [forgetAfterSeconds])
