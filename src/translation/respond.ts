import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { errorResponse as errorOf } from '@/api/problems'

import { TranslationRequestError } from './documents'
import { ProviderError } from './machine/provider'

const noStore = { 'cache-control': 'no-store' }

/**
 * Runs a translation endpoint's work in one transaction: all of it is written, or (on any error)
 * none of it. Refusals answer their 4xx with a message, provider failures 502.
 */
export const inTransaction = async (req: PayloadRequest, work: () => Promise<unknown>): Promise<Response> => {
  const ownsTransaction = await initTransaction(req)
  try {
    const body = await work()
    if (ownsTransaction) await commitTransaction(req)
    return Response.json(body, { headers: noStore })
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    return errorResponse(error)
  }
}

export const errorResponse = (error: unknown): Response => {
  if (error instanceof TranslationRequestError) {
    return errorOf(error.status, error.message, { headers: noStore })
  }
  if (error instanceof ProviderError) {
    return errorOf(502, error.message, { headers: noStore })
  }
  const status = (error as { status?: number }).status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return errorOf(status, (error as Error).message, { headers: noStore })
  }
  throw error
}
