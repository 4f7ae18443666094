import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'

import { appliedMigrations, connect, listTables, migrationsTable, sequenceValues, tableParts } from './database'
import { backupFormat, lagonVersion, manifestName, mediaEntryName, tableEntryName, type Manifest, type ManifestEntry } from './manifest'
import type { MediaStore } from './media'
import { tarEnd, tarHeader, tarPadding } from './tar'

export const megabytes = (bytes: number): string => `${(bytes / (1 << 20)).toFixed(1)} MB`

/**
 * Writes one archive (tar, gzipped): the rows of every table read in one snapshot, then every
 * media file, then the manifest that vouches for them all (sizes and SHA-256). The file appears
 * under its name only once whole.
 */
export const makeBackup = async ({
  databaseUrl,
  media,
  out,
  log,
}: {
  databaseUrl: string
  media: MediaStore
  out: string
  log: (line: string) => void
}): Promise<Manifest> => {
  const client = await connect(databaseUrl, 'backup')
  const partial = `${out}.partial`
  try {
    // One snapshot for every table: rows that refer to each other are taken at the same moment.
    await client.query('begin isolation level repeatable read read only')
    const migrations = await appliedMigrations(client)
    if (migrations.length === 0) throw new Error('backup: the database has no Lagon schema (no migration applied): nothing to back up')
    const tables = (await listTables(client)).filter((table) => table !== migrationsTable)
    const sequences = await sequenceValues(client)
    const entries: ManifestEntry[] = []
    const counts: Record<string, number> = {}
    const mediaSummary: Manifest['media'] = { source: media.kind, files: 0, bytes: 0 }

    const entry = async function* (name: string, size: number, content: AsyncIterable<Buffer>, extra: Partial<ManifestEntry> = {}) {
      yield tarHeader(name, size)
      const hash = createHash('sha256')
      let written = 0
      for await (const chunk of content) {
        hash.update(chunk)
        written += chunk.length
        yield chunk
      }
      if (written !== size) throw new Error(`backup: ${extra.path ?? name} changed size while being read (${size} bytes expected, ${written} read)`)
      yield tarPadding(size)
      entries.push({ name, size, sha256: hash.digest('hex'), ...extra })
    }
    const once = async function* (buffer: Buffer) {
      yield buffer
    }

    const archive = async function* () {
      for (const table of tables) {
        counts[table] = 0
        let part = 0
        for await (const { part: content, rows } of tableParts(client, table)) {
          yield* entry(tableEntryName(table, ++part), content.length, once(content))
          counts[table] += rows
        }
        log(`backup: database: ${table} ${counts[table]} row(s)`)
      }
      await client.query('commit')
      const files = await media.list()
      const total = files.reduce((sum, file) => sum + file.size, 0)
      log(`backup: media: ${files.length} file(s), ${megabytes(total)}, from ${media.where}`)
      for (const [index, file] of files.entries()) {
        yield* entry(mediaEntryName(index + 1), file.size, await media.read(file.path), { path: file.path })
        mediaSummary.files++
        mediaSummary.bytes += file.size
        if ((index + 1) % 50 === 0 || index + 1 === files.length) {
          log(`backup: media: ${index + 1}/${files.length} file(s), ${megabytes(mediaSummary.bytes)} of ${megabytes(total)}`)
        }
      }
      const manifest: Manifest = {
        format: backupFormat,
        lagonVersion: lagonVersion(),
        createdAt: new Date().toISOString(),
        migrations,
        tables: counts,
        sequences,
        media: mediaSummary,
        entries,
      }
      const text = Buffer.from(JSON.stringify(manifest, null, 2) + '\n')
      yield tarHeader(manifestName, text.length)
      yield text
      yield tarPadding(text.length)
      yield tarEnd()
      result = manifest
    }

    let result: Manifest | undefined
    await mkdir(path.dirname(path.resolve(out)), { recursive: true })
    await pipeline(archive(), createGzip(), createWriteStream(partial))
    await rename(partial, out)
    return result!
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  } finally {
    await client.end().catch(() => {})
  }
}
