/**
 * `npm run backup [-- --out FILE]`: the database and the media files in one archive (a gzipped
 * tar with a manifest of checksums), progress on stderr, the archive's path on stdout.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { makeBackup, megabytes } from '@/backup/backup'
import { mediaStore } from '@/backup/media'

import { loadEnvironment } from '../environment'

const usage = 'usage: npm run backup [-- --out FILE]'

let parsed
try {
  parsed = parseArgs({ options: { out: { type: 'string' } } })
} catch (error) {
  console.error(`backup: ${(error as Error).message}\n${usage}`)
  process.exit(2)
}
loadEnvironment()
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error('backup: no DATABASE_URL (npm run backup starts the embedded database and sets it)')
  process.exit(2)
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d+Z$/, 'Z')
// npm runs scripts in the project's folder: a relative path is the caller's (INIT_CWD).
const out = path.resolve(process.env.INIT_CWD ?? '.', parsed!.values.out ?? `lagon-backup-${stamp}.tar.gz`)
const log = (line: string) => console.error(line)
try {
  const manifest = await makeBackup({ databaseUrl, media: mediaStore(), out, log })
  const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0)
  log(
    `backup: ${rows} row(s) in ${Object.keys(manifest.tables).length} table(s), ` +
      `${manifest.media.files} media file(s) (${megabytes(manifest.media.bytes)}), schema at ${manifest.migrations.at(-1)}`,
  )
  console.log(out)
  process.exit(0)
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(message.startsWith('backup:') ? message : `backup: ${(error as Error)?.stack ?? message}`)
  process.exit(1)
}
