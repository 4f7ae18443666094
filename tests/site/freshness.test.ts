import { beforeAll, describe, expect, inject, it } from 'vitest'

import { publishedCarrier } from '../helpers/content'
import { json } from '../helpers/http'
import { connectPayload } from '../helpers/payload'
import { siteAdmin, sitemapText, within } from '../helpers/site'

/**
 * Publishing goes through the site's own API, as the admin does, so the hooks run inside the
 * Next server and revalidate its pages. Timings are generous bounds checked by polling; the
 * speed itself is measured in bench/.
 */
const site = inject('site')!
let admin: Record<string, string>
let id: number

beforeAll(async () => {
  admin = await siteAdmin(site.url)
})

const status = async (path: string) => (await fetch(`${site.url}${path}`, { redirect: 'manual' })).status
// The sitemap is an index: what it lists is in its pages.
const sitemap = () => sitemapText(site.url)

const patch = (data: Record<string, unknown>, locale = 'en') =>
  fetch(`${site.url}/api/articles/${id}?locale=${locale}`, { method: 'PATCH', headers: json(admin), body: JSON.stringify(data) })

describe('publishing without a rebuild', () => {
  it('a draft is invisible on the site and in the sitemap', async () => {
    const response = await fetch(`${site.url}/api/articles?locale=en&draft=true`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ title: 'Fresh news', slug: 'fresh-news', destination: 'NC', _status: 'draft' }),
    })
    expect(response.status).toBe(201)
    id = ((await response.json()) as { doc: { id: number } }).doc.id
    expect(await status('/en/guides/fresh-news')).toBe(404)
    expect(await sitemap()).not.toContain('fresh-news')
  })

  it('appears within 2 seconds of publishing', async () => {
    expect((await patch({ _status: 'published' })).status).toBe(200)
    await within(2000, async () => (await status('/en/guides/fresh-news')) === 200)
    expect(await sitemap()).toContain('/en/guides/fresh-news')
    const home = await (await fetch(`${site.url}/en`)).text()
    expect(home).toContain('Fresh news')
  })

  it('shows an edit of the published text within 2 seconds', async () => {
    expect((await patch({ title: 'Fresher news' })).status).toBe(200)
    await within(2000, async () => (await (await fetch(`${site.url}/en/guides/fresh-news`)).text()).includes('Fresher news'))
  })

  it('redirects the old URL (308) when the slug changes', async () => {
    expect((await patch({ slug: 'fresher-news' })).status).toBe(200)
    await within(2000, async () => (await status('/en/guides/fresh-news')) === 308)
    const response = await fetch(`${site.url}/en/guides/fresh-news`, { redirect: 'manual' })
    expect(new URL(response.headers.get('location')!, site.url).pathname).toBe('/en/guides/fresher-news')
    expect(await status('/en/guides/fresher-news')).toBe(200)
  })

  it('disappears within 2 seconds of unpublishing, from the page and the sitemap', async () => {
    expect((await patch({ _status: 'draft' })).status).toBe(200)
    await within(2000, async () => (await status('/en/guides/fresher-news')) === 404)
    expect(await sitemap()).not.toContain('fresher-news')
    expect(await (await fetch(`${site.url}/en`)).text()).not.toContain('Fresher news')
  })
})

describe('images in a guide', () => {
  it('render as optimized, sized images that reserve their space', async () => {
    const sharp = (await import('sharp')).default
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 10, g: 90, b: 140 } } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'lagoon-test.png')
    form.append('_payload', JSON.stringify({ alt: 'A blue lagoon' }))
    const upload = await fetch(`${site.url}/api/media?locale=en`, { method: 'POST', headers: admin, body: form })
    expect(upload.status).toBe(201)
    const media = ((await upload.json()) as { doc: { id: number } }).doc
    const body = {
      root: {
        type: 'root', version: 1, format: '', indent: 0, direction: null,
        children: [{ type: 'upload', version: 3, format: '', relationTo: 'media', value: media.id, fields: null, id: 'aaaaaaaaaaaaaaaaaaaaaaaa' }],
      },
    }
    const created = await fetch(`${site.url}/api/articles?locale=en`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ title: 'Pictures', slug: 'pictures', destination: 'NC', body, _status: 'published' }),
    })
    expect(created.status).toBe(201)
    await within(2000, async () => (await status('/en/guides/pictures')) === 200)
    const page = await (await fetch(`${site.url}/en/guides/pictures`)).text()
    const img = page.match(/<img [^>]*alt="A blue lagoon"[^>]*>/)?.[0] ?? ''
    expect(img).toContain('width="1600"')
    expect(img).toContain('height="900"')
    const source = img.match(/srcSet="(\/_next\/image\?url=%2Fapi%2Fmedia%2Ffile%2Flagoon-test[-\d]*\.png&amp;w=640&amp;q=75) 640w/)?.[1]
    expect(source, img).toBeTruthy()
    const optimized = await fetch(`${site.url}${source!.replace(/&amp;/g, '&')}`, {
      headers: { accept: 'image/avif,image/webp,*/*' },
    })
    expect(optimized.status).toBe(200)
    expect(optimized.headers.get('content-type')).toMatch(/image\/(avif|webp)/)
  })
})

describe('scheduled publishing', () => {
  it("puts a locale that the jobs queue publishes on the site, though no request of the site's made the change", async () => {
    // Queues the job as the admin's schedule button does, through a Payload of this test's own that
    // runs no jobs: the site's server runs it, from its job timer.
    const { payload, close } = await connectPayload(site.databaseUrl, { LAGON_JOBS_CRON: 'off' })
    try {
      const created = await fetch(`${site.url}/api/tips?locale=zh`, {
        method: 'POST',
        headers: json(admin),
        body: JSON.stringify({ title: '按时发布', destination: 'NC', category: 'other', sourceLocale: 'zh', _status: 'published' }),
      })
      expect(created.status).toBe(201)
      const tipId = ((await created.json()) as { doc: { id: number } }).doc.id
      const draft = await fetch(`${site.url}/api/tips/${tipId}?locale=fr&draft=true`, {
        method: 'PATCH',
        headers: json(admin),
        body: JSON.stringify({ title: 'Publié à l’heure dite' }),
      })
      expect(draft.status).toBe(200)
      const tipsPage = async () => (await fetch(`${site.url}/fr/tips`)).text()
      await within(2000, async () => (await tipsPage()).includes('按时发布'))
      expect(await tipsPage()).not.toContain('Publié à l’heure dite')

      await payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'publish', locale: 'fr', doc: { relationTo: 'tips', value: tipId } },
        waitUntil: new Date(Date.now() - 1_000),
      })
      // The site runs queued jobs every 5 s (LAGON_JOBS_CRON's default).
      await within(12_000, async () => (await tipsPage()).includes('Publié à l’heure dite'))
    } finally {
      await close()
    }
  })
})

describe('what a publication expires', () => {
  const cacheState = async (path: string) => {
    const response = await fetch(`${site.url}${path}`)
    await response.arrayBuffer()
    return { status: response.status, cache: response.headers.get('x-lagon-cache') }
  }
  const publish = async (title: string, slug: string) => {
    const response = await fetch(`${site.url}/api/articles?locale=en`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ title, slug, destination: 'NC', _status: 'published' }),
    })
    expect(response.status).toBe(201)
  }

  it('leaves a kept guide page kept: a guide carries the tags of what it shows, not those of the lists', async () => {
    await publish('A guide that stays kept', 'stays-kept')
    await within(2000, async () => (await cacheState('/en/guides/stays-kept')).status === 200)
    // Kept once rendered (other files' writes to what it shows are none: it shows nothing of theirs).
    await within(5000, async () => (await cacheState('/en/guides/stays-kept')).cache === 'HIT')
    await within(5000, async () => (await cacheState('/en/guides')).cache === 'HIT')

    await publish('An unrelated guide', 'unrelated-guide')
    // The list shows the new guide at once: it was expired; the guide page was not.
    expect(await (await fetch(`${site.url}/en/guides`)).text()).toContain('An unrelated guide')
    expect(await cacheState('/en/guides/stays-kept')).toEqual({ status: 200, cache: 'HIT' })
  })

  it('brings a carrier into a kept guide that embeds it once the carrier is published', async () => {
    const draft = await fetch(`${site.url}/api/carriers?locale=en&draft=true`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ ...publishedCarrier('Reef Telecom'), _status: 'draft' }),
    })
    expect(draft.status).toBe(201)
    const carrier = ((await draft.json()) as { doc: { id: number } }).doc.id
    const embed = { type: 'block', version: 2, format: '', fields: { id: 'carrier-to-come-block', blockName: '', blockType: 'carrierEmbed', carrier } }
    const body = { root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: [embed] } }
    const created = await fetch(`${site.url}/api/articles?locale=en`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ title: 'A carrier to come', slug: 'carrier-to-come', destination: 'NC', body, _status: 'published' }),
    })
    expect(created.status).toBe(201)
    const path = '/en/guides/carrier-to-come'
    await within(5000, async () => (await cacheState(path)).cache === 'HIT')
    expect(await (await fetch(`${site.url}${path}`)).text()).not.toContain('Reef Telecom')

    const published = await fetch(`${site.url}/api/carriers/${carrier}?locale=en`, { method: 'PATCH', headers: json(admin), body: JSON.stringify({ _status: 'published' }) })
    expect(published.status).toBe(200)
    // The guide's page read the hidden carrier (and found nothing): it carries that carrier's tags.
    await within(2000, async () => (await (await fetch(`${site.url}${path}`)).text()).includes('Reef Telecom'))
  })
})
