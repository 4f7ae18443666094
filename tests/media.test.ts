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

describe('which media readers get', () => {
  const anonymous = async (id: number, filename: string) => {
    const [record, file] = await Promise.all([fetch(`${api.url}/api/media/${id}`), fetch(`${api.url}/api/media/file/${filename}`)])
    await Promise.all([record.arrayBuffer(), file.arrayBuffer()])
    return { record: record.status, file: file.status }
  }
  const shown = { record: 200, file: 200 }

  const uploaded = async (name: string) => {
    const response = await upload(await photo(64, 48, 'png'), name, 'image/png', { alt: name })
    expect(response.status).toBe(201)
    return ((await response.json()) as { doc: { id: number; filename: string } }).doc
  }

  const bodyShowing = (mediaId: number) => ({
    root: {
      type: 'root', version: 1, format: '', indent: 0, direction: null,
      children: [{ type: 'upload', version: 3, format: '', relationTo: 'media', value: mediaId, fields: null, id: 'bbbbbbbbbbbbbbbbbbbbbbbb' }],
    },
  })

  const write = async (method: 'POST' | 'PATCH', path: string, data?: Record<string, unknown>) => {
    const response = await fetch(`${api.url}/api/articles${path}`, {
      method,
      headers: { ...editor, 'content-type': 'application/json' },
      body: data && JSON.stringify(data),
    })
    expect(response.status, await response.clone().text()).toBeLessThan(300)
    return ((await response.json()) as { doc: { id: number } }).doc
  }

  it('follow the publication of what uses them: publish, edit, unpublish, delete', async () => {
    const hero = await uploaded('rule-hero.png')
    const inline = await uploaded('rule-inline.png')
    // Read once before: an answer kept by the API's cache must not outlive the change.
    expect(await anonymous(hero.id, hero.filename)).not.toEqual(shown)

    const article = await write('POST', '?locale=zh&draft=true', {
      title: '媒体规则', slug: 'media-rule', destination: 'NC', heroImage: hero.id, body: bodyShowing(inline.id), _status: 'draft',
    })
    expect(await anonymous(hero.id, hero.filename)).not.toEqual(shown)
    expect(await anonymous(inline.id, inline.filename)).not.toEqual(shown)

    await write('PATCH', `/${article.id}?locale=zh`, { _status: 'published' })
    expect(await anonymous(hero.id, hero.filename)).toEqual(shown)
    expect(await anonymous(inline.id, inline.filename)).toEqual(shown)

    // The published text stops showing the inline image: readers lose it, and keep the hero.
    await write('PATCH', `/${article.id}?locale=zh`, { body: bodyShowing(hero.id) })
    expect(await anonymous(inline.id, inline.filename)).not.toEqual(shown)
    expect(await anonymous(hero.id, hero.filename)).toEqual(shown)

    // Another published guide shows the hero too: unpublishing the first leaves it to readers.
    const other = await write('POST', '?locale=zh', { title: '另一篇', slug: 'media-rule-other', destination: 'NC', heroImage: hero.id, _status: 'published' })
    await write('PATCH', `/${article.id}?locale=zh`, { _status: 'draft' })
    expect(await anonymous(hero.id, hero.filename)).toEqual(shown)

    // Deleting is an admin's: through the Local API, the same hooks.
    await db.payload.delete({ collection: 'articles', id: other.id })
    expect(await anonymous(hero.id, hero.filename)).not.toEqual(shown)
  })

  it('count a locale only once it is published', async () => {
    const image = await uploaded('rule-fr-seo.png')
    const article = await write('POST', '?locale=zh', { title: '只有中文', slug: 'zh-only', destination: 'NC', _status: 'published' })
    await write('PATCH', `/${article.id}?locale=fr&draft=true`, { title: 'Brouillon', seo: { image: image.id }, _status: 'draft' })
    expect(await anonymous(image.id, image.filename)).not.toEqual(shown)
    await write('PATCH', `/${article.id}?locale=fr`, { _status: 'published' })
    expect(await anonymous(image.id, image.filename)).toEqual(shown)
  })
})
