import type { Payload, PayloadRequest } from 'payload'

import { afterCommit } from '@/freshness/afterCommit'
import { expireTagsHere } from '@/freshness/taggedStore'
import { tags } from '@/site/tags'

/** The adapter's writes: Payload's auth operations (login, logout, refresh, password reset) use them without collection hooks. */
const writes = ['create', 'createMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'upsert'] as const

type Write = (args: { collection?: string; req?: Partial<PayloadRequest> }) => Promise<unknown>

/**
 * Every write to an account through this process's database adapter forgets the signed-in
 * accounts it keeps (signedInUsers.ts) once the write has committed, before the write's own
 * response: the logout, the revoked session, the new role or password holds from the next
 * request on. Other instances hear it from the database's trigger on the account tables, which
 * also covers writes made outside Lagon. Called once, in onInit.
 */
export const forgetSignedInUsersOnWrite = (payload: Payload): void => {
  const adapter = payload.db as unknown as Record<string, Write | undefined>
  for (const name of writes) {
    const write = adapter[name]
    if (typeof write !== 'function') continue
    adapter[name] = async function (this: unknown, args) {
      try {
        return await write.call(this, args)
      } finally {
        // Even a write that failed may have changed rows outside a transaction; one rolled back changed nothing and expires nothing.
        if (args?.collection === 'users') await afterCommit((args.req ?? {}) as PayloadRequest, async () => expireTagsHere([tags.signedInUsers]))
      }
    }
  }
}
