import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { beforeAll, describe, expect, inject, it } from 'vitest'

import { json } from '../helpers/http'
import { siteAdmin, within } from '../helpers/site'

/**
 * Lagon's server in front of Next (src/server/): readers' pages from memory, without Next's
 * client runtime, and never older than the content. The guide is the seeded one.
 */
const site = inject('site')!
const guide = '/en/guides/new-caledonia-esim-wechat-alipay'

/** A raw GET, so that the bytes and Content-Encoding are the server's own (fetch would decode them). */
const raw = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; rawHeaders: string[]; body: Buffer }>((resolve, reject) => {
    request(`${site.url}${path}`, { headers, method }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, rawHeaders: response.rawHeaders, body: Buffer.concat(chunks) }),
      )
    })
      .on('error', reject)
      .end()
  })

describe("readers' pages", () => {
  let page: Awaited<ReturnType<typeof raw>>

  beforeAll(async () => {
    await raw(guide)
    page = await raw(guide)
  })

  it('are answered from memory once rendered', () => {
    expect(page.status).toBe(200)
    expect(page.headers['x-lagon-cache']).toBe('HIT')
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
  })

  it('send the same headers from memory as when first rendered, each once', async () => {
    const names = ({ rawHeaders }: Awaited<ReturnType<typeof raw>>) => rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase())
    // A page no other test asks for: its first answer is Next's render.
    const first = await raw('/zh/carriers', { 'accept-encoding': 'br' })
    const hit = await raw('/zh/carriers', { 'accept-encoding': 'br' })
    expect(first.status).toBe(200)
    expect(hit.headers['x-lagon-cache']).toBe('HIT')
    expect(new Set(names(hit)).size).toBe(names(hit).length)
    // Not the length: the Brotli copy kept is recompressed smaller once the first reader has it.
    const sameEach = (response: Awaited<ReturnType<typeof raw>>) =>
      Object.fromEntries(Object.entries(response.headers).filter(([name]) => !['date', 'x-lagon-cache', 'content-length'].includes(name)))
    expect(sameEach(hit)).toEqual(sameEach(first))
  })

  it("carry no JavaScript: not Next's runtime, not its RSC payload; structured data stays", () => {
    const html = page.body.toString('utf8')
    expect(html).toContain('<h1>')
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
    expect(html).not.toMatch(/\/_next\/static\/[^"]+\.js/)
    expect(html).toMatch(/<link rel="stylesheet" href="\/_next\/static\/[^"]+\.css"/)
    expect(html).toContain('<script type="application/ld+json">')
  })

  it('are compressed as the client accepts, each encoding the same page', async () => {
    const brotli = await raw(guide, { 'accept-encoding': 'gzip, deflate, br' })
    const gzip = await raw(guide, { 'accept-encoding': 'gzip' })
    const refused = await raw(guide, { 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(brotliDecompressSync(brotli.body).equals(page.body)).toBe(true)
    expect(gunzipSync(gzip.body).equals(page.body)).toBe(true)
    expect(refused.body.equals(page.body)).toBe(true)
    expect(brotli.headers.vary).toBe('Accept-Encoding')
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length)
  })

  it('make the uncompressed copy from the kept ones for a client accepting no encoding: the same bytes, length and ETag', async () => {
    // A page no other test asks for, first kept from a browser's request (Brotli and gzip copies only).
    const browser = await raw('/fr/carriers', { 'accept-encoding': 'gzip, deflate, br' })
    const head = await raw('/fr/carriers', {}, 'HEAD')
    const plain = await raw('/fr/carriers')
    expect(browser.status).toBe(200)
    expect(plain.headers['x-lagon-cache']).toBe('HIT')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.equals(brotliDecompressSync(browser.body))).toBe(true)
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length)
    expect(head.headers['content-length']).toBe(plain.headers['content-length'])
    expect(plain.headers.etag).toBe(browser.headers.etag)
  })

  it('answer 304 to a client that has the page, and are revalidated by browsers each time', async () => {
    const etag = page.headers.etag as string
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await raw(guide, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(page.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
  })

  it('leave a request with a query string or in draft mode to Next, as Next renders it', async () => {
    const tracked = await raw(`${guide}?utm_source=test`)
    expect(tracked.status).toBe(200)
    expect(tracked.headers['x-lagon-cache']).toBeUndefined()
    expect(tracked.body.toString('utf8')).toMatch(/\/_next\/static\/[^"]+\.js/)
    const draftMode = await raw(guide, { cookie: '__prerender_bypass=anything' })
    expect(draftMode.headers['x-lagon-cache']).toBeUndefined()
  })

  it("answer a missing page with the locale's 404 page: status 404, no ETag, never a 304", async () => {
    const missing = await raw('/en/guides/no-such-guide', { 'accept-encoding': 'gzip' })
    expect(missing.status).toBe(404)
    expect(missing.headers.etag).toBeUndefined()
    expect(missing.headers['cache-control']).toBe('no-cache')
    expect(gunzipSync(missing.body).toString('utf8')).toContain('<h1>Page not found</h1>')
    // Not remembered as a page: the same URL stays a 404 whatever a client sends back.
    const again = await raw('/en/guides/no-such-guide', { 'if-none-match': '*' })
    expect(again.status).toBe(404)
    expect(again.headers['x-lagon-cache']).toBeUndefined()
  })
})

describe('a page read while its document changes', () => {
  it('is never left stale in memory: readers racing an edit all get the new text once it is saved', async () => {
    const admin = await siteAdmin(site.url)
    const { docs } = (await (await fetch(`${site.url}/api/articles?locale=en&where[slug][equals]=new-caledonia-esim-wechat-alipay`)).json()) as {
      docs: { id: number; title: string }[]
    }
    const { id, title } = docs[0]!
    const renamed = `${title} (checked)`
    let racing = true
    const readers = Array.from({ length: 6 }, async () => {
      while (racing) await raw(guide)
    })
    const saved = await fetch(`${site.url}/api/articles/${id}?locale=en`, {
      method: 'PATCH',
      headers: json(admin),
      body: JSON.stringify({ title: renamed }),
    })
    expect(saved.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))
    racing = false
    await Promise.all(readers)
    const after = await Promise.all(Array.from({ length: 10 }, () => raw(guide)))
    for (const response of after) expect(response.body.toString('utf8')).toContain(renamed.replace(/'/g, '&#x27;'))
    // And it is kept again: a read soon comes from memory (soon, not at once: other test files
    // publish on this site meanwhile, and a list they change may expire this page once more).
    await within(5_000, async () => (await raw(guide)).headers['x-lagon-cache'] === 'HIT')
    // The guide as the other tests expect it.
    await fetch(`${site.url}/api/articles/${id}?locale=en`, { method: 'PATCH', headers: json(admin), body: JSON.stringify({ title }) })
  })
})
