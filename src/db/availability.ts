import type { PoolConfig } from 'pg'

import { errorBody } from '@/api/problems'
import { wholeNumber } from '@/lib/wholeNumber'

/**
 * How Lagon behaves while PostgreSQL is unreachable or stuck: connections and statements give up
 * after a bounded time instead of holding a request forever, and the error that results is told
 * apart from a bug, so readers and API clients get a 503 to retry rather than a 500.
 */

/**
 * The pool's timeouts (DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS; 0 turns one off).
 * `query_timeout` is the client-side twin of `statement_timeout`: a server that stopped answering
 * (a network cut, not a refusal) never sends the cancellation, so the client gives up on its own,
 * a little later than the server would.
 */
export const poolTimeouts = (): Pick<PoolConfig, 'connectionTimeoutMillis' | 'statement_timeout' | 'query_timeout' | 'idle_in_transaction_session_timeout'> => {
  const connect = wholeNumber('DATABASE_CONNECT_TIMEOUT_MS', 5_000)
  const statement = wholeNumber('DATABASE_STATEMENT_TIMEOUT_MS', 30_000)
  return {
    ...(connect > 0 && { connectionTimeoutMillis: connect }),
    ...(statement > 0 && { statement_timeout: statement, query_timeout: statement + 1_000, idle_in_transaction_session_timeout: statement }),
  }
}

/** Seconds a client is told to wait (Retry-After) before asking again while the database is unavailable. */
export const retryAfterSeconds = 10

/** Node's socket errors for a server that is down, unreachable or gone mid-connection. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * PostgreSQL's SQLSTATEs for "not now": class 08 (connection exception), the server shutting down
 * or starting (57P01–57P03), too many connections (53300), and a statement cancelled by
 * `statement_timeout` (57014).
 */
const unavailableStates = /^(?:08...|57P0[123]|53300|57014)$/

/** node-postgres's own messages for a lost connection or one it gave up waiting for. */
const unavailableMessages = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|connection error/i

const isUnavailableCause = (error: unknown): boolean => {
  if (!error || typeof error !== 'object') return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && (networkCodes.has(code) || unavailableStates.test(code))) return true
  if (typeof message === 'string' && unavailableMessages.test(message)) return true
  return error instanceof AggregateError && error.errors.some(isUnavailableCause)
}

/** True when `error`, or what it wraps (Drizzle and Payload wrap the driver's), says the database cannot answer now. */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (isUnavailableCause(current)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** The API's answer then: a message a client can show, and when to retry. */
export const databaseUnavailableBody = errorBody(`The database is unavailable; retry in ${retryAfterSeconds} s.`, {
  name: 'ServiceUnavailable',
  problems: [{ path: 'database', message: 'unavailable' }],
})

/**
 * node-postgres emits an idle connection's failure (the server restarted, the network dropped)
 * on the pool, and an 'error' event without a listener ends the process. The pool has already
 * discarded that connection and opens a new one on the next query, so noting it is enough.
 */
export const outliveLostConnections = (pool: { on: (event: 'error', listener: (error: Error) => void) => unknown } | undefined): void => {
  pool?.on('error', (error) => console.warn(`lagon: an idle database connection was lost (${error.message}); the next query opens a new one`))
}
