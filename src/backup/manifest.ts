import { readFileSync } from 'node:fs'
import path from 'node:path'

import { projectRoot } from '@/db/databaseUrl'

/** Names the kind of file, and the version of its layout: a restore refuses any other. */
export const backupFormat = 'lagon-backup/1'

export const manifestName = 'manifest.json'

/** One file of the archive, as the manifest vouches for it. */
export type ManifestEntry = { name: string; size: number; sha256: string; /** A media file's path in its folder or bucket. */ path?: string }

export type Manifest = {
  format: typeof backupFormat
  lagonVersion: string
  createdAt: string
  /** The migrations applied to the database that was backed up, in the order this build lists them. */
  migrations: string[]
  /** Rows of each table (payload_migrations excepted: a restore applies the migrations itself). */
  tables: Record<string, number>
  /** Each sequence's `last_value`, or null for one never used. */
  sequences: Record<string, number | null>
  /** Uploaded files: where they came from (`local` folder or `s3` bucket), by their path there. */
  media: { source: 'local' | 's3'; files: number; bytes: number }
  /** Every other file of the archive, with its size and SHA-256. */
  entries: ManifestEntry[]
}

export const lagonVersion = (): string =>
  (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version

/** The archive's name for a table's rows (several parts for a large table) and for a media file. */
export const tableEntryName = (table: string, part: number): string => `database/${table}.${String(part).padStart(5, '0')}.jsonl`
export const mediaEntryName = (index: number): string => `media/${String(index).padStart(8, '0')}`
