import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations')

/** Names of the committed migrations, as `payload migrate` records them. */
export const committedMigrations = async (): Promise<string[]> =>
  (await readdir(migrationsDir))
    .filter((file) => /^\d{8}_\d{6}.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()

/**
 * Lagon never pushes its schema at run time, so a database that lacks a committed migration
 * would fail on the first query with an obscure SQL error. Refuse to start instead.
 */
export const refuseUnmigratedDatabase = async (payload: Payload): Promise<void> => {
  if (process.env.LAGON_SKIP_MIGRATION_CHECK === 'true') return
  const expected = await committedMigrations()
  let applied: string[] = []
  try {
    const { docs } = await payload.find({
      collection: 'payload-migrations',
      limit: 0,
      pagination: false,
      depth: 0,
    })
    applied = docs.map((doc) => String(doc.name))
  } catch {
    applied = []
  }
  const missing = expected.filter((name) => !applied.includes(name))
  if (missing.length > 0) {
    throw new Error(
      `The database lacks ${missing.length} migration(s) (${missing.join(', ')}). ` +
        'Run `npm run migrate` (or start Lagon with `npm run dev`, which migrates first).',
    )
  }
}
