import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import { APIError, type PayloadRequest } from 'payload'

/**
 * How long a save waits for the saves before it. Each waiting save holds a pooled connection (its
 * transaction); should the pool run dry while the saving one needs a connection of its own (Payload
 * checks its admin lock outside the transaction), the wait ends here instead of never.
 * SAVE_LOCK_WAIT_SECONDS, 10 by default.
 */
const lockWaitSeconds = (): number => {
  const value = Number(process.env.SAVE_LOCK_WAIT_SECONDS ?? 10)
  return Number.isFinite(value) && value > 0 ? value : 10
}

export type Session = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/** The save's own transaction (its lock lasts until it commits or rolls back), or the pool without one. */
export const sessionOf = async (req: PayloadRequest): Promise<Session> => {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const transaction = await req.transactionID
  const session = transaction === undefined || transaction === null ? undefined : adapter.sessions[String(transaction)]?.db
  return (session ?? adapter.drizzle) as unknown as Session
}

export const tableOf = (req: PayloadRequest, collection: string): string => {
  const adapter = req.payload.db as unknown as PostgresAdapter
  return adapter.tableNameMap.get(collection.replaceAll('-', '_')) ?? collection
}

/**
 * Locks the documents' rows of the main table until the save's transaction ends, and counts the
 * save in their revision: one statement (an UPDATE takes the row lock). A second save of the same
 * document waits here, before Payload reads the document it will merge its data into, so it
 * merges into the first one's result instead of overwriting it. Several rows are locked in id
 * order first, so two bulk saves cannot deadlock. Returns each id's new revision.
 */
export const lockAndCountSave = async (req: PayloadRequest, collection: string, ids: number[]): Promise<Map<number, number>> => {
  const session = await sessionOf(req)
  const table = sql.identifier(tableOf(req, collection))
  const sorted = [...new Set(ids)].sort((a, b) => a - b)
  try {
    await session.execute(sql`select set_config('lock_timeout', ${`${lockWaitSeconds()}s`}, true)`)
    if (sorted.length > 1) await session.execute(sql`select id from ${table} where id in ${sorted} order by id for update`)
    const { rows } = await session.execute(
      sql`update ${table} set revision = coalesce(revision, 0) + 1 where id in ${sorted} returning id, revision`,
    )
    return new Map(rows.map((row) => [Number(row.id), Number(row.revision)]))
  } catch (error) {
    // PostgreSQL's lock_not_available, wrapped by Drizzle.
    if ((error as { cause?: { code?: string } }).cause?.code !== '55P03') throw error
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('Retry-After', '1')
    throw new APIError(`${collection} ${sorted.join(', ')}: other saves of this document took over ${lockWaitSeconds()} s; retry.`, 503, null, true)
  }
}

/** The document a version belongs to (a restore names the version). */
export const versionParent = async (req: PayloadRequest, collection: string, versionId: number | string): Promise<number | undefined> => {
  const session = await sessionOf(req)
  const versions = sql.identifier(`_${tableOf(req, collection)}_v`)
  const { rows } = await session.execute(sql`select parent_id from ${versions} where id = ${Number(versionId)}`)
  return rows[0] ? Number(rows[0].parent_id) : undefined
}
