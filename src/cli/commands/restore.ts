/**
 * `npm run restore -- FILE [--replace]`: an archive of `npm run backup` into an empty database
 * (and the media folder or bucket this configuration uses). Checks the whole archive first
 * (checksums, and a schema this build knows), then applies the archive's migrations, loads the
 * rows in one transaction, and writes the media files. A database holding tables is refused,
 * unless --replace: then they are dropped first.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { Migration } from 'payload'

import { mediaStore } from '@/backup/media'
import { loadArchive, migrationsToApply, prepareDatabase, RestoreRefused, verifyArchive } from '@/backup/restore'

import { migrations } from '../../../migrations'
import { loadEnvironment } from '../environment'
import { commandPayload } from '../payload'

const usage = 'usage: npm run restore -- FILE [--replace]'

let parsed
try {
  parsed = parseArgs({ allowPositionals: true, options: { replace: { type: 'boolean', default: false } } })
} catch (error) {
  console.error(`restore: ${(error as Error).message}\n${usage}`)
  process.exit(2)
}
const given = parsed!.positionals[0]
if (!given || parsed!.positionals.length > 1) {
  console.error(`restore: give one archive.\n${usage}`)
  process.exit(2)
}
// npm runs scripts in the project's folder: a relative path is the caller's (INIT_CWD).
const file = path.resolve(process.env.INIT_CWD ?? '.', given)
loadEnvironment()
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error('restore: no DATABASE_URL (npm run restore starts the embedded database and sets it)')
  process.exit(2)
}
const log = (line: string) => console.error(line)
try {
  const manifest = await verifyArchive(file, log)
  const toApply = migrationsToApply(manifest, migrations)
  await prepareDatabase(databaseUrl, parsed!.values.replace, log)
  log(`restore: applying the archive's ${toApply.length} migration(s)`)
  const payload = await commandPayload('restore', { disableOnInit: true })
  try {
    await payload.db.migrate({ migrations: toApply as unknown as Migration[] })
  } finally {
    await payload.destroy()
  }
  await loadArchive({ file, manifest, databaseUrl, media: mediaStore(), log })
  const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0)
  log(`restore: done: ${rows} row(s), ${manifest.media.files} media file(s); the schema is at ${manifest.migrations.at(-1)}`)
  process.exit(0)
} catch (error) {
  if (error instanceof RestoreRefused) console.error(`restore: refused: ${error.message}`)
  else console.error(`restore: failed: ${(error as Error)?.stack ?? String(error)}`)
  process.exit(1)
}
