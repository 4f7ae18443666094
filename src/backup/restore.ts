import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'

import { databaseAddress } from '@/db/connection'

import { megabytes } from './backup'
import { connect, dropSchemaObjects, listTables, loadRows, nonEmptyTables } from './database'
import { backupFormat, manifestName, type Manifest, type ManifestEntry } from './manifest'
import { safeMediaPath, type MediaStore } from './media'
import { readTar, type TarEntry } from './tar'

/** A reason to refuse an archive or a database, said as it is (no stack): the operator's to act on. */
export class RestoreRefused extends Error {}

const entries = (file: string): AsyncGenerator<TarEntry> => readTar(createReadStream(file).pipe(createGunzip()))

const damaged = (file: string, error: unknown): RestoreRefused =>
  new RestoreRefused(`${file} is not a Lagon backup, or it is damaged: ${(error as Error).message}`)

/**
 * Reads the whole archive once, before anything is written: every entry must be the one the
 * manifest names, with its size and SHA-256, and none may be missing or extra.
 */
export const verifyArchive = async (file: string, log: (line: string) => void): Promise<Manifest> => {
  const found = new Map<string, ManifestEntry>()
  let manifestText: string | undefined
  try {
    for await (const entry of entries(file)) {
      const hash = createHash('sha256')
      const chunks: Buffer[] = []
      for await (const chunk of entry.content) {
        hash.update(chunk)
        if (entry.name === manifestName) chunks.push(chunk)
      }
      if (entry.name === manifestName) manifestText = Buffer.concat(chunks).toString('utf8')
      else found.set(entry.name, { name: entry.name, size: entry.size, sha256: hash.digest('hex') })
    }
  } catch (error) {
    throw damaged(file, error)
  }
  if (manifestText === undefined) throw damaged(file, new Error(`it has no ${manifestName}`))
  let manifest: Manifest
  try {
    manifest = JSON.parse(manifestText) as Manifest
  } catch (error) {
    throw damaged(file, new Error(`its ${manifestName} is not JSON (${(error as Error).message})`))
  }
  if (manifest?.format !== backupFormat || !Array.isArray(manifest.entries) || !Array.isArray(manifest.migrations)) {
    throw damaged(file, new Error(`its ${manifestName} is not of the format ${backupFormat}`))
  }
  for (const expected of manifest.entries) {
    const actual = found.get(expected.name)
    if (!actual) throw damaged(file, new Error(`${expected.path ?? expected.name} is missing`))
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) {
      throw damaged(file, new Error(`${expected.path ?? expected.name} does not match its checksum`))
    }
    if (expected.path !== undefined) safeMediaPath(expected.path)
    found.delete(expected.name)
  }
  if (found.size > 0) throw damaged(file, new Error(`${[...found.keys()][0]} is not in the manifest`))
  log(`restore: ${file}: ${manifest.entries.length} file(s) checked (Lagon ${manifest.lagonVersion}, ${manifest.createdAt})`)
  return manifest
}

/** The archive's migrations in this build's order; refuses an archive whose schema this build does not know. */
export const migrationsToApply = <M extends { name: string }>(manifest: Manifest, known: readonly M[]): M[] => {
  const names = new Set(known.map(({ name }) => name))
  const unknown = manifest.migrations.filter((name) => !names.has(name))
  if (unknown.length > 0) {
    throw new RestoreRefused(
      `the archive comes from a newer schema than this build knows: its migration(s) ${unknown.join(', ')} are not in this ` +
        `version of Lagon (the archive was made by Lagon ${manifest.lagonVersion}). Restore it with that version or a later one.`,
    )
  }
  const wanted = new Set(manifest.migrations)
  return known.filter(({ name }) => wanted.has(name))
}

/** Refuses a database that holds tables, unless `replace`: then drops them. */
export const prepareDatabase = async (databaseUrl: string, replace: boolean, log: (line: string) => void): Promise<void> => {
  const client = await connect(databaseUrl, 'restore')
  try {
    const tables = await listTables(client)
    if (tables.length === 0) return
    if (!replace) {
      const filled = await nonEmptyTables(client, tables)
      const rows = filled.reduce((sum, { rows }) => sum + rows, 0)
      const examples = filled
        .sort((a, b) => b.rows - a.rows)
        .slice(0, 5)
        .map(({ table, rows }) => `${table}: ${rows}`)
        .join(', ')
      throw new RestoreRefused(
        `the database at ${databaseAddress(databaseUrl)} is not empty: it has ${tables.length} table(s) holding ${rows} row(s)` +
          `${examples ? ` (${examples})` : ''}. restore fills an empty database only; ` +
          'pass --replace to drop everything in it first.',
      )
    }
    log(`restore: --replace: dropping the ${tables.length} table(s) of ${databaseAddress(databaseUrl)}`)
    await dropSchemaObjects(client)
  } finally {
    await client.end().catch(() => {})
  }
}

const tableOf = (name: string): string | undefined => /^database\/(.+)\.\d{5}\.jsonl$/.exec(name)?.[1]

/**
 * The archive's rows, into a database whose schema the archive's migrations just made (one
 * transaction), then its media files, into the folder or bucket this configuration uses.
 */
export const loadArchive = async ({
  file,
  manifest,
  databaseUrl,
  media,
  log,
}: {
  file: string
  manifest: Manifest
  databaseUrl: string
  media: MediaStore
  log: (line: string) => void
}): Promise<void> => {
  const tar = entries(file)
  let next: TarEntry | undefined
  // By hand, not `for await`: leaving such a loop would close the archive before its media.
  const rows = async function* () {
    for (;;) {
      const { value: entry, done } = await tar.next()
      if (done) return
      const table = tableOf(entry.name)
      if (!table) {
        next = entry
        return
      }
      const chunks: Buffer[] = []
      for await (const chunk of entry.content) chunks.push(chunk)
      yield { table, lines: Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean) }
    }
  }
  const client = await connect(databaseUrl, 'restore')
  const loaded = new Map<string, number>()
  try {
    await loadRows(client, rows(), manifest.sequences ?? {}, (table, count) => loaded.set(table, (loaded.get(table) ?? 0) + count))
  } finally {
    await client.end().catch(() => {})
  }
  for (const [table, count] of loaded) log(`restore: database: ${table} ${count} row(s)`)

  const paths = new Map(manifest.entries.filter((entry) => entry.path !== undefined).map((entry) => [entry.name, entry.path!]))
  const total = manifest.media?.bytes ?? 0
  let files = 0
  let bytes = 0
  if (paths.size > 0) log(`restore: media: ${paths.size} file(s), ${megabytes(total)}, into ${media.where}`)
  const writeMedia = async (entry: TarEntry) => {
    const target = paths.get(entry.name)
    if (target === undefined) return
    await media.write(safeMediaPath(target), entry.content, entry.size)
    files++
    bytes += entry.size
    if (files % 50 === 0 || files === paths.size) log(`restore: media: ${files}/${paths.size} file(s), ${megabytes(bytes)} of ${megabytes(total)}`)
  }
  if (next) await writeMedia(next)
  for await (const entry of tar) await writeMedia(entry)
}
