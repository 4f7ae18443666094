import type { AfterErrorHook } from 'payload'

import { databaseUnavailableBody, isDatabaseUnavailable, retryAfterSeconds } from '@/db/availability'

/**
 * A REST request that failed because the database is down or stuck is answered 503 with
 * Retry-After, not Payload's 500 "Something went wrong": the client did nothing wrong and should
 * try again, and the request will succeed once the database is back (the pool reconnects).
 */
export const answerDatabaseOutage: AfterErrorHook = ({ error, req }) => {
  if (!isDatabaseUnavailable(error)) return
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('Retry-After', String(retryAfterSeconds))
  req.responseHeaders.set('Cache-Control', 'no-store')
  return { response: databaseUnavailableBody, status: 503 }
}
