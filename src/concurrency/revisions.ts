import type { PayloadRequest } from 'payload'

/**
 * The revision each document locked in a transaction is saved at, kept in `req.context` (shared
 * by the save's nested operations) under the transaction's id: two mutations of one GraphQL
 * request share a context but not a transaction, and each takes its own lock.
 */
type Revisions = Record<string, number>

const key = 'lagonRevisions'

const slot = (req: PayloadRequest, collection: string, id: number | string) => `${String(req.transactionID ?? '')}|${collection}|${id}`

const revisions = (req: PayloadRequest): Revisions => (req.context[key] ??= {}) as Revisions

export const lockedRevision = (req: PayloadRequest, collection: string, id: number | string): number | undefined =>
  revisions(req)[slot(req, collection, id)]

export const rememberRevision = (req: PayloadRequest, collection: string, id: number | string, revision: number): void => {
  revisions(req)[slot(req, collection, id)] = revision
}
