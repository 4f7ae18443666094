import type { Payload } from 'payload'

import { migrations } from '../../migrations'

/**
 * Lagon never pushes its schema at run time, so a database that lacks a committed migration
 * would fail on the first query with an obscure SQL error. Refuse to start instead.
 */
export const refuseUnmigratedDatabase = async (payload: Payload): Promise<void> => {
  let applied: string[] = []
  try {
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false, depth: 0 })
    applied = docs.map((doc) => String(doc.name))
  } catch {
    applied = []
  }
  const missing = migrations.map(({ name }) => name).filter((name) => !applied.includes(name))
  if (missing.length > 0) {
    throw new Error(
      `The database lacks ${missing.length} migration(s) (${missing.join(', ')}). ` +
        'Run `npm run migrate` (or start Lagon with `npm run dev`, which migrates first).',
    )
  }
}
