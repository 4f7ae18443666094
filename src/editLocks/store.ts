import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { sessionOf } from '@/concurrency/lockRows'

import { claimSeconds, type Claim, type Part } from './parts'

/** A person of `users` (API keys edit through the API, never in the admin: they hold no part). */
export type Holder = { id: number; name: string }

type Row = Record<string, unknown>

const asClaim = (row: Row, holderId: number): Claim => ({
  part: row.part as Part,
  holder: { id: Number(row.holder_id), name: String(row.holder_name) },
  expiresAt: new Date(row.expires_at as string).toISOString(),
  mine: Number(row.holder_id) === holderId,
})

/** The parts of a document someone holds now (expired claims are no one's). */
export const currentClaims = async (req: PayloadRequest, collection: string, id: number, holderId: number): Promise<Claim[]> => {
  const session = await sessionOf(req)
  const { rows } = await session.execute(sql`
    select part, holder_id, holder_name, expires_at from edit_locks
    where collection = ${collection} and document_id = ${id} and expires_at > now()
    order by part`)
  return rows.map((row) => asClaim(row, holderId))
}

/**
 * Claims (or renews) `parts` of a document for `holder`, one statement each, atomic: a part is
 * taken when it is free, expired or already the holder's, or when `takeOver` says so. Returns who
 * holds every part of the document afterwards.
 */
export const claimParts = async (
  req: PayloadRequest,
  collection: string,
  id: number,
  holder: Holder,
  parts: Part[],
  takeOver: boolean,
): Promise<Claim[]> => {
  const session = await sessionOf(req)
  const expiry = sql`now() + make_interval(secs => ${claimSeconds})`
  // Claims of closed tabs and crashed browsers: nobody's, and kept no longer than the next claim.
  await session.execute(sql`delete from edit_locks where expires_at <= now()`)
  for (const part of parts) {
    await session.execute(sql`
      insert into edit_locks (collection, document_id, part, holder_id, holder_name, expires_at)
      values (${collection}, ${id}, ${part}, ${holder.id}, ${holder.name}, ${expiry})
      on conflict (collection, document_id, part) do update
        set holder_id = excluded.holder_id, holder_name = excluded.holder_name, expires_at = excluded.expires_at
        where edit_locks.holder_id = excluded.holder_id or edit_locks.expires_at <= now() or ${takeOver}`)
  }
  return currentClaims(req, collection, id, holder.id)
}

/** Gives back the holder's parts of a document (all of them when `parts` is not given). */
export const releaseParts = async (req: PayloadRequest, collection: string, id: number, holderId: number, parts?: Part[]): Promise<void> => {
  const session = await sessionOf(req)
  const which = parts ? sql`and part in ${parts}` : sql``
  await session.execute(sql`
    delete from edit_locks where collection = ${collection} and document_id = ${id} and holder_id = ${holderId} ${which}`)
}
