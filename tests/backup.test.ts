import { spawn } from 'node:child_process'
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createGunzip, gzipSync } from 'node:zlib'

import pg from 'pg'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { readTar, tarEnd, tarHeader, tarPadding } from '@/backup/tar'
import { lagonCommand } from '@/cli/processes'
import { forgetEverythingHere } from '@/freshness/taggedStore'

import { login, startApiServer } from './helpers/apiServer'
import { recreateDatabase, testDatabasePrefix, withDatabase } from './helpers/databases'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

/**
 * `npm run backup` then `npm run restore` into an empty database: the API answers exactly as it
 * did, for every document in every locale, to staff and to anonymous readers, and every media
 * file has the same bytes. The commands run as npm runs them (bundled, in their own process).
 * Payload stays on one database name: after the backup, the original database is renamed away
 * and an empty one takes its name, so the same server reads what the restore wrote.
 */
const root = path.join(import.meta.dirname, '..')
const adminUrl = inject('adminUrl')
const scratch = mkdtempSync(path.join(tmpdir(), 'lagon-backup-'))
const archive = path.join(scratch, 'lagon.tar.gz')

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let staff: Record<string, string>
let databaseName: string

type Outcome = { code: number | null; output: string }

const runCommand = (name: string, args: string[], env: Record<string, string>): Promise<Outcome> =>
  new Promise((resolve) => {
    const child = spawn(...lagonCommand(name, ...args), {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation', PAYLOAD_SECRET: 'test-secret', ...env },
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })

const onServer = async <T>(work: (client: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> => {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, database) })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const tableCount = (database: string) =>
  onServer(async (client) => Number((await client.query("select count(*) from pg_tables where schemaname = 'public'")).rows[0].count), database)

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    direction: null,
    format: '',
    indent: 0,
    version: 1,
    children: [
      {
        type: 'paragraph',
        direction: null,
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
      },
    ],
  },
})

const collections = ['articles', 'carriers', 'tips', 'media', 'glossary', 'users', 'api-keys', 'webhooks'] as const
const publicCollections = ['articles', 'carriers', 'tips', 'media']
const locales = ['zh', 'en', 'fr', 'all']

/**
 * An answer with the keys of its objects sorted: the order of locales in a `locale=all` answer is
 * the order PostgreSQL returns their rows in, which no query fixes and a new database's plans change.
 */
const canonical = (answer: string): string => {
  const [status, ...body] = answer.split(' ')
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, item]) => [key, sorted(item)]))
        : value
  return `${status} ${JSON.stringify(sorted(JSON.parse(body.join(' '))))}`
}

/**
 * A GET, sent again once if the server had closed the kept-alive connection it went out on: on a
 * loaded machine a pause between two reads can outlast the server's keep-alive timeout.
 */
const read = async (url: string | URL, init: RequestInit = {}): Promise<Response> => {
  try {
    return await fetch(url, init)
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error
    return fetch(url, init)
  }
}

/** Every answer the API gives about every document: lists and each document, per locale, to staff (drafts too) and anonymous readers. */
const answers = async (): Promise<Map<string, string>> => {
  const found = new Map<string, string>()
  const get = async (pathAndQuery: string, headers: Record<string, string>, who: string) => {
    const response = await read(`${api.url}${pathAndQuery}`, { headers })
    found.set(`${who} ${pathAndQuery}`, `${response.status} ${await response.text()}`)
    return response
  }
  for (const collection of collections) {
    const list = await get(`/api/${collection}?limit=100&depth=0&locale=all&draft=true&sort=id`, staff, 'staff')
    expect(list.status, collection).toBe(200)
    const { docs } = (await read(`${api.url}/api/${collection}?limit=100&depth=0&draft=true&sort=id`, { headers: staff }).then((r) => r.json())) as {
      docs: { id: number }[]
    }
    for (const locale of locales) {
      await get(`/api/${collection}?limit=100&depth=1&locale=${locale}&sort=id`, {}, 'anonymous')
      for (const { id } of docs) {
        await get(`/api/${collection}/${id}?locale=${locale}&depth=1&draft=true`, staff, 'staff')
        await get(`/api/${collection}/${id}?locale=${locale}&depth=1`, staff, 'staff')
        if (publicCollections.includes(collection)) await get(`/api/${collection}/${id}?locale=${locale}&depth=1`, {}, 'anonymous')
      }
    }
  }
  for (const collection of ['articles', 'carriers', 'tips']) {
    await get(`/api/${collection}/versions?limit=100&depth=0&locale=all&sort=id`, staff, 'staff')
  }
  return found
}

/** Every file a media document names (the original and each image size), with its bytes through the API. */
const mediaFiles = async (): Promise<Map<string, Buffer>> => {
  const files = new Map<string, Buffer>()
  const { docs } = (await read(`${api.url}/api/media?limit=100&depth=0`, { headers: staff }).then((r) => r.json())) as {
    docs: { url: string; sizes: Record<string, { url: string | null }> }[]
  }
  for (const doc of docs) {
    for (const url of [doc.url, ...Object.values(doc.sizes ?? {}).map((size) => size.url)]) {
      if (!url) continue
      const response = await read(new URL(new URL(url, api.url).pathname, api.url), { headers: staff })
      expect(response.status, url).toBe(200)
      files.set(url, Buffer.from(await response.arrayBuffer()))
    }
  }
  return files
}

/** The media folder's files and their bytes. */
const folder = (dir: string): Map<string, Buffer> =>
  new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = path.join(entry.parentPath, entry.name)
        return [path.relative(dir, full), readFileSync(full)]
      }),
  )

/** Rewrites the archive, changing entries with `change` (which may return new bytes), into `out`. */
const rewrite = async (out: string, change: (name: string, content: Buffer) => Buffer) => {
  const parts: Buffer[] = []
  for await (const entry of readTar(createReadStream(archive).pipe(createGunzip()))) {
    const chunks: Buffer[] = []
    for await (const chunk of entry.content) chunks.push(chunk)
    const content = change(entry.name, Buffer.concat(chunks))
    parts.push(tarHeader(entry.name, content.length), content, tarPadding(content.length))
  }
  parts.push(tarEnd())
  writeFileSync(out, gzipSync(Buffer.concat(parts)))
}

let before: Map<string, string>
let filesBefore: Map<string, Buffer>
let folderBefore: Map<string, Buffer>
let backupRun: Outcome
let restoreRun: Outcome

beforeAll(async () => {
  db = await startPayload('seeded', { API_RATE_LIMIT: '0', API_READ_CACHE_ENTRIES: '0', LAGON_JOBS_CRON: 'off' })
  databaseName = new URL(db.databaseUrl).pathname.slice(1)
  api = await startApiServer()
  await createStaff(db.payload)
  staff = await login(api.url, 'admin@lagon.test', password)

  // The guide, plus: a media file on the published article, an article that is only a draft,
  // and fr of the guide taken back to draft with new text (its published text stays for readers).
  const image = await sharp({ create: { width: 1700, height: 1100, channels: 3, background: { r: 200, g: 90, b: 30 } } }).png().toBuffer()
  const medium = await db.payload.create({
    collection: 'media',
    locale: 'zh',
    data: { alt: '泻湖' },
    file: { data: image, mimetype: 'image/png', name: 'lagoon.png', size: image.length },
  })
  await db.payload.update({ collection: 'media', id: medium.id, locale: 'fr', data: { alt: 'Le lagon' } })
  const { docs } = await db.payload.find({ collection: 'articles', limit: 1, locale: 'zh' })
  const guide = docs[0]!
  await db.payload.update({ collection: 'articles', id: guide.id, locale: 'zh', data: { heroImage: medium.id, _status: 'published' } })
  await db.payload.update({ collection: 'articles', id: guide.id, locale: 'fr', data: { _status: 'draft' } })
  await db.payload.update({ collection: 'articles', id: guide.id, locale: 'fr', draft: true, data: { title: 'Titre en cours de révision' } })
  await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    draft: true,
    data: { title: '草稿文章', summary: '尚未发布', destination: 'NC', body: paragraph('草稿正文') as never, heroImage: medium.id },
  })

  before = await answers()
  filesBefore = await mediaFiles()
  folderBefore = folder(db.mediaDir)

  backupRun = await runCommand('backup', ['--out', archive], { DATABASE_URL: db.databaseUrl, MEDIA_DIR: db.mediaDir })
  expect(backupRun.code, backupRun.output).toBe(0)

  // The same name now holds an empty database; the original, and its media folder, move aside.
  await onServer(async (client) => {
    await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [databaseName])
    await client.query(`alter database "${databaseName}" rename to "${databaseName}_before"`)
    await client.query(`create database "${databaseName}"`)
  })
  renameSync(db.mediaDir, `${db.mediaDir}-before`)
  restoreRun = await runCommand('restore', [archive], { DATABASE_URL: db.databaseUrl, MEDIA_DIR: db.mediaDir })
  expect(restoreRun.code, restoreRun.output).toBe(0)
  // What this process kept from the original database (API answers, published ids) is forgotten.
  forgetEverythingHere()
}, 600_000)

afterAll(async () => {
  await api?.close()
  await db?.close()
  rmSync(scratch, { recursive: true, force: true })
})

describe('backup then restore into an empty database', () => {
  it('reports its progress and what it wrote', () => {
    expect(backupRun.output).toMatch(/backup: database: articles_locales \d+ row\(s\)/)
    expect(backupRun.output).toMatch(/backup: media: \d+\/\d+ file\(s\)/)
    expect(backupRun.output.trim().split('\n').at(-1)).toBe(archive)
    expect(restoreRun.output).toMatch(/restore: .*file\(s\) checked/)
    expect(restoreRun.output).toMatch(/restore: done: \d+ row\(s\), \d+ media file\(s\)/)
  })

  it('the API answers every document in every locale exactly as before, to staff and to anonymous readers', async () => {
    const after = await answers()
    expect(before.size).toBeGreaterThan(100)
    // The case that matters most is in there: the draft and the unpublished fr text, to staff only.
    expect([...before].some(([key, text]) => key.startsWith('staff') && text.includes('Titre en cours de révision'))).toBe(true)
    expect([...before].some(([key, text]) => key.startsWith('anonymous') && text.includes('Titre en cours de révision'))).toBe(false)
    expect([...before].some(([key, text]) => key.startsWith('staff') && text.includes('草稿文章'))).toBe(true)
    expect([...after.keys()]).toEqual([...before.keys()])
    const differing = [...before].filter(([key, text]) => canonical(after.get(key)!) !== canonical(text)).map(([key]) => key)
    expect(differing).toEqual([])
  })

  it('every media file has the same bytes, through the API and in the folder', async () => {
    const after = await mediaFiles()
    expect(filesBefore.size).toBeGreaterThanOrEqual(5)
    expect([...after.keys()]).toEqual([...filesBefore.keys()])
    for (const [url, bytes] of filesBefore) expect(after.get(url)!.equals(bytes), url).toBe(true)
    const restored = folder(db.mediaDir)
    expect([...restored.keys()].sort()).toEqual([...folderBefore.keys()].sort())
    for (const [file, bytes] of folderBefore) expect(restored.get(file)!.equals(bytes), file).toBe(true)
  })

  it('refuses a database that is not empty, naming what it holds, and writes nothing', async () => {
    const { code, output } = await runCommand('restore', [archive], { DATABASE_URL: db.databaseUrl, MEDIA_DIR: path.join(scratch, 'unused') })
    expect(code).toBe(1)
    expect(output).toMatch(/restore: refused: the database at .* is not empty: it has \d+ table\(s\) holding \d+ row\(s\) \(.*articles/)
    expect(output).toContain('--replace')
    expect(existsSync(path.join(scratch, 'unused'))).toBe(false)
  }, 120_000)

  describe('a damaged or foreign archive is refused before anything is written', () => {
    const empty = `${testDatabasePrefix}backup_empty`
    const attempt = async (file: string) => {
      await recreateDatabase(adminUrl, empty)
      const outcome = await runCommand('restore', [file], { DATABASE_URL: withDatabase(adminUrl, empty), MEDIA_DIR: path.join(scratch, 'unused') })
      expect(outcome.code, outcome.output).toBe(1)
      expect(await tableCount(empty)).toBe(0)
      expect(existsSync(path.join(scratch, 'unused'))).toBe(false)
      return outcome.output
    }

    it('bytes changed in the compressed file', async () => {
      const bytes = readFileSync(archive)
      for (let i = 0; i < 16; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0xff
      const file = path.join(scratch, 'flipped.tar.gz')
      writeFileSync(file, bytes)
      expect(await attempt(file)).toMatch(/restore: refused: .*flipped\.tar\.gz is not a Lagon backup, or it is damaged: /)
    }, 120_000)

    it('cut short', async () => {
      const bytes = readFileSync(archive)
      const file = path.join(scratch, 'cut.tar.gz')
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.7)))
      expect(await attempt(file)).toMatch(/cut\.tar\.gz is not a Lagon backup, or it is damaged: /)
    }, 120_000)

    it('a media file changed inside a well-formed archive: its checksum', async () => {
      const file = path.join(scratch, 'changed.tar.gz')
      let changed = false
      await rewrite(file, (name, content) => {
        if (changed || !name.startsWith('media/')) return content
        changed = true
        const copy = Buffer.from(content)
        copy[copy.length - 1] ^= 0x01
        return copy
      })
      expect(await attempt(file)).toMatch(/is not a Lagon backup, or it is damaged: .+ does not match its checksum/)
    }, 120_000)

    it('rows changed inside a well-formed archive: their checksum', async () => {
      const file = path.join(scratch, 'rows.tar.gz')
      await rewrite(file, (name, content) =>
        name.startsWith('database/articles_locales.') ? Buffer.from(content.toString('utf8').replace('草稿', '发布')) : content,
      )
      expect(await attempt(file)).toMatch(/database\/articles_locales\.00001\.jsonl does not match its checksum/)
    }, 120_000)

    it('not a backup at all', async () => {
      const file = path.join(scratch, 'notes.tar.gz')
      writeFileSync(file, gzipSync(Buffer.concat([tarHeader('notes.txt', 3), Buffer.from('hi\n'), tarPadding(3), tarEnd()])))
      expect(await attempt(file)).toMatch(/notes\.tar\.gz is not a Lagon backup, or it is damaged: it has no manifest\.json/)
    }, 120_000)

    it('from a newer schema: names the migration this build does not know', async () => {
      const file = path.join(scratch, 'newer.tar.gz')
      await rewrite(file, (name, content) => {
        if (name !== 'manifest.json') return content
        const manifest = JSON.parse(content.toString('utf8'))
        manifest.migrations.push('20991231_000000_from_the_future')
        manifest.lagonVersion = '9.0.0'
        return Buffer.from(JSON.stringify(manifest))
      })
      const output = await attempt(file)
      expect(output).toMatch(/restore: refused: the archive comes from a newer schema than this build knows: .*20991231_000000_from_the_future/)
      expect(output).toContain('Lagon 9.0.0')
    }, 120_000)
  })
})

describe('media in a bucket (S3_BUCKET)', () => {
  it('backs up every object of the bucket and restores them into the bucket of the restoring configuration', async () => {
    const { default: S3rver } = await import('s3rver')
    const { S3Client, PutObjectCommand, ListObjectsV2Command, GetObjectCommand } = await import('@aws-sdk/client-s3')
    const s3Dir = mkdtempSync(path.join(tmpdir(), 'lagon-backup-s3-'))
    const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'from', configs: [] }, { name: 'to', configs: [] }] })
    const { port } = await s3.run()
    const settings = {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    }
    const client = new S3Client({
      endpoint: settings.S3_ENDPOINT,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
    const objects = (bucket: string) => async () => {
      const found = new Map<string, Buffer>()
      const { Contents = [] } = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
      for (const { Key } of Contents) {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key }))
        found.set(Key!, Buffer.from(await Body!.transformToByteArray()))
      }
      return found
    }
    try {
      const stored = new Map([
        ['lagoon.png', filesBefore.values().next().value!],
        ['guides/2026/lagoon-card.webp', Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256))],
        ['empty.txt', Buffer.alloc(0)],
      ])
      for (const [Key, Body] of stored) await client.send(new PutObjectCommand({ Bucket: 'from', Key, Body }))
      const bucketArchive = path.join(scratch, 'bucket.tar.gz')
      const backup = await runCommand('backup', ['--out', bucketArchive], { DATABASE_URL: db.databaseUrl, ...settings, S3_BUCKET: 'from' })
      expect(backup.code, backup.output).toBe(0)
      expect(backup.output).toContain('backup: media: 3 file(s)')
      expect(backup.output).toContain('from s3://from')

      const target = `${testDatabasePrefix}backup_bucket`
      await recreateDatabase(adminUrl, target)
      const restore = await runCommand('restore', [bucketArchive], { DATABASE_URL: withDatabase(adminUrl, target), ...settings, S3_BUCKET: 'to' })
      expect(restore.code, restore.output).toBe(0)
      const restored = await objects('to')()
      expect([...restored.keys()].sort()).toEqual([...stored.keys()].sort())
      for (const [key, bytes] of stored) expect(restored.get(key)!.equals(bytes), key).toBe(true)
      expect(await tableCount(target)).toBeGreaterThan(40)
    } finally {
      client.destroy()
      await s3.close()
      rmSync(s3Dir, { recursive: true, force: true })
    }
  }, 300_000)
})
