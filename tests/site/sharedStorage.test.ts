import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { recreateDatabase, templates, testDatabasePrefix, withDatabase } from '../helpers/databases'
import { copyOfBuild, serverEnv, startServerProcess, type ServerProcess } from '../helpers/serverProcess'
import { siteAdmin } from '../helpers/site'

/**
 * Two instances of Lagon's production server on one database, as behind a load balancer: what
 * one of them stores (an uploaded file, a client's request count) the other sees. Media go to a
 * real S3-compatible server (s3rver, on a folder of its own).
 */
const adminUrl = inject('adminUrl')
const site = inject('site')!
const database = `${testDatabasePrefix}instances`
const bucket = 'lagon-media'
// Above what this file's other requests make from 127.0.0.1 (health checks, the upload).
const rateLimit = 12

let s3: S3rver
let s3Dir: string
let one: ServerProcess
let two: ServerProcess
let builds: ReturnType<typeof copyOfBuild>[] = []

beforeAll(async () => {
  await recreateDatabase(adminUrl, database, templates.seeded)
  s3Dir = mkdtempSync(path.join(tmpdir(), 'lagon-s3-'))
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: bucket, configs: [] }] })
  const { port } = await s3.run()
  const env = {
    ...serverEnv(withDatabase(adminUrl, database)),
    // Each instance its own local folder: a file served by both can only have come from the bucket.
    MEDIA_DIR: mkdtempSync(path.join(tmpdir(), 'lagon-media-')),
    S3_BUCKET: bucket,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    API_RATE_LIMIT: String(rateLimit),
    TRUSTED_PROXIES: '127.0.0.1',
    LAGON_JOBS_CRON: 'off',
  }
  // A build folder each, as two machines would have.
  builds = [copyOfBuild(site.build.dir), copyOfBuild(site.build.dir)]
  ;[one, two] = await Promise.all(builds.map(({ dir }) => startServerProcess(dir, env)))
})

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()])
  await s3?.close()
  rmSync(s3Dir, { recursive: true, force: true })
  for (const build of builds) build.remove()
})

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesIn(path.join(dir, entry.name)) : [entry.name]))

describe('media on S3-compatible storage', () => {
  it('an upload through one instance is stored in the bucket and served by the other', async () => {
    const admin = await siteAdmin(one.url)
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 20, g: 120, b: 180 } } }).jpeg().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'shared-upload.jpg')
    form.append('_payload', JSON.stringify({ alt: '共享的图片' }))
    const upload = await fetch(`${one.url}/api/media?locale=zh`, { method: 'POST', headers: admin, body: form })
    expect(upload.status).toBe(201)
    const { doc } = (await upload.json()) as { doc: { filename: string; url: string; sizes: { thumbnail: { filename: string } } } }
    const filePath = new URL(doc.url, one.url).pathname
    expect(filePath).toBe(`/api/media/file/${doc.filename}`)

    const stored = filesIn(path.join(s3Dir, bucket))
    expect(stored.some((name) => name.startsWith(doc.filename))).toBe(true)
    expect(stored.some((name) => name.startsWith(doc.sizes.thumbnail.filename))).toBe(true)

    // No published page uses it yet: readers may not have it (docs/security.md), staff may, from either instance.
    expect((await fetch(`${two.url}${filePath}`)).status).toBe(403)
    const served = await fetch(`${two.url}${filePath}`, { headers: admin })
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await served.arrayBuffer()).equals(photo)).toBe(true)
  })
})

describe('the API rate limit', () => {
  it('is one budget per client across instances', async () => {
    const from = (server: ServerProcess) => fetch(`${server.url}/api/tips?locale=fr&depth=0&limit=1`, { headers: { 'x-forwarded-for': '203.0.113.77' } })
    const remaining: string[] = []
    for (let sent = 0; sent < rateLimit; sent += 1) {
      const response = await from(sent % 2 === 0 ? one : two)
      expect(response.status).toBe(200)
      remaining.push(response.headers.get('ratelimit-remaining')!)
    }
    // Counted down by both instances together, as one budget.
    expect(remaining).toEqual(Array.from({ length: rateLimit }, (_, sent) => String(rateLimit - 1 - sent)))
    for (const server of [one, two]) {
      const refused = await from(server)
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    // Another client has its own budget.
    expect((await fetch(`${two.url}/api/tips?locale=fr&depth=0&limit=1`, { headers: { 'x-forwarded-for': '203.0.113.78' } })).status).toBe(200)
  })
})
