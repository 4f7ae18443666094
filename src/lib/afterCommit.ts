import type { Payload, PayloadRequest } from 'payload'

type Callbacks = Map<number | string, (() => void)[]>

/** On globalThis: hooks loaded by different Next route bundles queue onto one database adapter. */
const key = Symbol.for('lagon.afterCommit')
const pending = ((globalThis as Record<symbol, Callbacks | undefined>)[key] ??= new Map())

/**
 * Runs `callback` once the request's transaction has committed, or at once when it has none;
 * never if it rolls back. Hooks run inside the write's transaction: what must see the committed
 * data (a cache forgotten, pages re-rendered) waits for the commit.
 */
export const afterCommit = async (req: PayloadRequest, callback: () => void): Promise<void> => {
  const transaction = await req.transactionID
  if (transaction === undefined || transaction === null) return callback()
  pending.set(transaction, [...(pending.get(transaction) ?? []), callback])
}

/** Wraps the adapter's commit and rollback so that the callbacks run (or are dropped) with them. Called once, in onInit. */
export const runCallbacksAfterCommit = (payload: Payload): void => {
  const { commitTransaction, rollbackTransaction } = payload.db
  payload.db.commitTransaction = async (id) => {
    await commitTransaction.call(payload.db, id)
    const transaction = await id
    const callbacks = pending.get(transaction) ?? []
    pending.delete(transaction)
    for (const callback of callbacks) callback()
  }
  payload.db.rollbackTransaction = async (id) => {
    pending.delete(await id)
    await rollbackTransaction.call(payload.db, id)
  }
}
