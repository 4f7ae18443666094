import { existsSync } from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { errorPaths } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>

beforeAll(async () => {
  db = await startPayload('migrated', { MEDIA_MAX_MB: '1' })
  api = await startApiServer()
  await createStaff(db.payload)
  editor = await login(api.url, 'editor@lagon.test', password)
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const upload = (file: Buffer, name: string, type: string, data: unknown, auth = editor) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  form.append('_payload', JSON.stringify(data))
  return fetch(`${api.url}/api/media?locale=zh`, { method: 'POST', headers: auth, body: form })
}

const photo = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'avif') =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 180 } } })
    .toFormat(format)
    .toBuffer()

describe('media uploads', () => {
  it('makes the thumbnail, card, hero and 1200×630 social sizes', async () => {
    const response = await upload(await photo(2400, 1600, 'jpeg'), 'lagoon.jpg', 'image/jpeg', { alt: '泻湖' })
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as {
      doc: { sizes: Record<string, { width: number; height: number; filename: string }> }
    }
    expect(doc.sizes.thumbnail).toMatchObject({ width: 320, height: 240 })
    expect(doc.sizes.card).toMatchObject({ width: 768, height: 512 })
    expect(doc.sizes.hero).toMatchObject({ width: 1600, height: 1067 })
    expect(doc.sizes.social).toMatchObject({ width: 1200, height: 630 })
    for (const size of Object.values(doc.sizes)) {
      const meta = await sharp(path.join(db.mediaDir, size.filename)).metadata()
      expect([meta.width, meta.height]).toEqual([size.width, size.height])
    }
  })

  it.each(['png', 'webp', 'avif'] as const)('accepts %s', async (format) => {
    const response = await upload(await photo(400, 300, format), `small.${format}`, `image/${format}`, { alt: '图' })
    expect(response.status).toBe(201)
  })

  it('refuses SVG, even when it claims to be a PNG', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const before = (await db.payload.count({ collection: 'media' })).totalDocs
    const honest = await upload(svg, 'logo.svg', 'image/svg+xml', { alt: '标志' })
    expect(honest.status).toBe(400)
    const disguised = await upload(svg, 'logo.png', 'image/png', { alt: '标志' })
    expect(disguised.status).toBe(400)
    expect((await db.payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })

  it('refuses a file over the size limit with a message that names the file field', async () => {
    const noise = await sharp(Buffer.from(Array.from({ length: 900 * 900 * 3 }, () => Math.floor(Math.random() * 256))), {
      raw: { width: 900, height: 900, channels: 3 },
    })
      .png({ compressionLevel: 0 })
      .toBuffer()
    expect(noise.length).toBeGreaterThan(1024 * 1024)
    const response = await upload(noise, 'noise.png', 'image/png', { alt: '噪点' })
    expect(response.status).toBe(413)
    expect(JSON.stringify(await response.json())).toContain('file')
  })

  it('requires alt text in the source locale', async () => {
    const response = await upload(await photo(400, 300, 'png'), 'no-alt.png', 'image/png', {})
    expect(response.status).toBe(400)
    expect(errorPaths(await response.json())).toContain('alt')
    expect(existsSync(path.join(db.mediaDir, 'no-alt.png'))).toBe(false)
  })

  it('refuses anonymous uploads', async () => {
    const response = await upload(await photo(400, 300, 'png'), 'anon.png', 'image/png', { alt: '图' }, {})
    expect(response.status).toBe(403)
  })
})
