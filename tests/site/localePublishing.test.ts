import { beforeAll, describe, expect, inject, it } from 'vitest'

import { json } from '../helpers/http'
import { headOf, siteAdmin, sitemapText } from '../helpers/site'

/**
 * A guide published in zh and en whose fr translation is written but not published: the site,
 * its hreflang and the sitemap show fr only once fr is published for that guide.
 */
const site = inject('site')!
let admin: Record<string, string>
let id: number
const paths = { zh: '/zh/guides/fen-yu-yan-fa-bu', en: '/en/guides/per-locale-publishing', fr: '/fr/guides/publication-par-langue' }
const frTitle = 'Publication par langue (pas encore publiée)'

const status = async (path: string) => (await fetch(`${site.url}${path}`, { redirect: 'manual' })).status
const html = async (path: string) => (await fetch(`${site.url}${path}`)).text()
// The sitemap is an index: what it lists is in its pages.
const sitemap = () => sitemapText(site.url)
const patch = (locale: string, data: Record<string, unknown>, query = '') =>
  fetch(`${site.url}/api/articles/${id}?locale=${locale}${query}`, { method: 'PATCH', headers: json(admin), body: JSON.stringify(data) })

/** Polls until `check` holds, or fails after `limitMs` (pages change within 2 s of a publish: freshness.test.ts). */
const within = async (limitMs: number, check: () => Promise<boolean>) => {
  const start = Date.now()
  while (Date.now() - start <= limitMs) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`not within ${limitMs} ms`)
}

beforeAll(async () => {
  admin = await siteAdmin(site.url)
  const created = await fetch(`${site.url}/api/articles?locale=zh`, {
    method: 'POST',
    headers: json(admin),
    body: JSON.stringify({ title: '分语言发布', slug: 'fen-yu-yan-fa-bu', destination: 'NC', _status: 'published' }),
  })
  expect(created.status).toBe(201)
  id = ((await created.json()) as { doc: { id: number } }).doc.id
  expect((await patch('en', { title: 'Per-locale publishing', slug: 'per-locale-publishing', _status: 'published' })).status).toBe(200)
  // Saved without `?draft=true`: the fr text is in the document itself, marked draft.
  expect((await patch('fr', { title: frTitle, slug: 'publication-par-langue', _status: 'draft' })).status).toBe(200)
  await within(2000, async () => (await status(paths.en)) === 200)
})

describe('a guide whose fr translation is not published', () => {
  it('has no fr page: its fr slug is a 404, and fr readers get the en version with a notice, noindex and canonical', async () => {
    expect(await status(paths.fr)).toBe(404)
    const fallback = await fetch(`${site.url}/fr/guides/per-locale-publishing`)
    expect(fallback.status).toBe(200)
    const page = await fallback.text()
    expect(page).toContain('Per-locale publishing')
    expect(page).not.toContain(frTitle)
    expect(page.replaceAll('&#x27;', "'")).toContain("n'est pas encore traduite en français")
    const head = headOf(page)
    expect(head.robots.join()).toContain('noindex')
    expect(head.canonical).toEqual([`${site.url}${paths.en}`])
  })

  it('lists zh and en, not fr, in hreflang and the sitemap', async () => {
    const head = headOf(await html(paths.en))
    expect(Object.keys(head.alternates).sort()).toEqual(['en', 'x-default', 'zh-Hans'])
    const xml = await sitemap()
    expect(xml).toContain(`${site.url}${paths.en}`)
    expect(xml).toContain(`${site.url}${paths.zh}`)
    expect(xml).not.toContain(paths.fr)
    expect(await html('/fr')).not.toContain(frTitle)
  })

  it('gets its fr page, hreflang and sitemap entry within 2 seconds of publishing fr alone', async () => {
    expect((await patch('fr', { _status: 'published' })).status).toBe(200)
    await within(2000, async () => (await status(paths.fr)) === 200)
    expect(await html(paths.fr)).toContain(frTitle)
    expect(await sitemap()).toContain(`${site.url}${paths.fr}`)
    expect(Object.keys(headOf(await html(paths.en)).alternates).sort()).toEqual(['en', 'fr', 'x-default', 'zh-Hans'])
  })

  it('loses only its fr page when fr is unpublished; zh and en stay', async () => {
    expect((await patch('fr', { _status: 'draft' })).status).toBe(200)
    await within(2000, async () => (await status(paths.fr)) === 404)
    expect(await sitemap()).not.toContain(paths.fr)
    expect(await status(paths.en)).toBe(200)
    expect(await status(paths.zh)).toBe(200)
  })
})
