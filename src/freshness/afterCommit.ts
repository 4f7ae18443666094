import type { Payload, PayloadRequest } from 'payload'

type Callback = () => Promise<void>
type Callbacks = Map<number | string, Callback[]>

/** On globalThis: hooks loaded by different Next route bundles queue onto one database adapter. */
const key = Symbol.for('lagon.afterCommit')
const pending = ((globalThis as Record<symbol, Callbacks | undefined>)[key] ??= new Map<number | string, Callback[]>())

/**
 * Runs `callback` once the request's transaction has committed, or at once when it has none;
 * never if it rolls back. Hooks run inside the write's transaction: caches expired before the
 * commit could be refilled from the old rows.
 */
export const afterCommit = async (req: PayloadRequest, callback: Callback): Promise<void> => {
  const transaction = await req.transactionID
  if (transaction === undefined || transaction === null) return callback()
  pending.set(transaction, [...(pending.get(transaction) ?? []), callback])
}

/**
 * Wraps the adapter's commit and rollback so that the callbacks run (or are dropped) with them.
 * The commit waits for them: the write's own response then comes after its caches expired, and
 * its author reads what they wrote. Called once, in onInit.
 */
export const runCallbacksAfterCommit = (payload: Payload): void => {
  const { commitTransaction, rollbackTransaction } = payload.db
  payload.db.commitTransaction = async (id) => {
    await commitTransaction.call(payload.db, id)
    const transaction = await id
    const callbacks = pending.get(transaction) ?? []
    pending.delete(transaction)
    await Promise.all(callbacks.map((callback) => callback().catch((error: unknown) => console.error('lagon: after commit:', error))))
  }
  payload.db.rollbackTransaction = async (id) => {
    pending.delete(await id)
    await rollbackTransaction.call(payload.db, id)
  }
}
