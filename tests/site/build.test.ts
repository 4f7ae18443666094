import { existsSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { locales, prefixPattern } from '@/lib/locales'

import { recreateDatabase, templates, testDatabasePrefix, withDatabase } from '../helpers/databases'
import { headOf } from '../helpers/site'
import { startBuiltServer } from '../setup/site'

/**
 * The build every browser test uses (tests/setup/site.ts) is `npm run build` in a copy of the work
 * tree, with no DATABASE_URL, no PAYLOAD_SECRET, and PostgreSQL's address leading to a port that
 * counts connections. The same build, started with another SITE_URL (in the build's own folder:
 * the suite's site runs from a copy, since Next keeps the pages it renders there), names that address.
 */
const site = inject('site')!
const publicAddress = 'https://guide.example.org'
const guide = '/en/guides/new-caledonia-esim-wechat-alipay'
let deployed: Awaited<ReturnType<typeof startBuiltServer>>

beforeAll(async () => {
  const adminUrl = inject('adminUrl')
  const database = `${testDatabasePrefix}site_url`
  await recreateDatabase(adminUrl, database, templates.seeded)
  deployed = await startBuiltServer(site.build.dir, { databaseUrl: withDatabase(adminUrl, database), siteUrl: publicAddress })
}, 120_000)

afterAll(async () => {
  await deployed?.stop()
})

const text = async (url: string) => {
  const response = await fetch(url)
  expect(response.status, url).toBe(200)
  return response.text()
}

describe('npm run build with nothing of a deployment', () => {
  it('builds the site and the server without connecting to any database', () => {
    expect(existsSync(path.join(site.build.dir, '.next/BUILD_ID'))).toBe(true)
    expect(existsSync(path.join(site.build.dir, 'dist/server.mjs'))).toBe(true)
    expect(site.build.databaseConnections).toBe(0)
  })

  it('writes no address into the pages it made (the 404 pages)', () => {
    expect(site.build.prerenderedPages.length).toBeGreaterThan(0)
    expect(site.build.pagesNamingAnAddress).toEqual([])
  })
})

describe('SITE_URL, read when the server starts', () => {
  it('is the address of the canonical link, hreflang, Open Graph and JSON-LD', async () => {
    const html = await text(`${deployed.url}${guide}`)
    const head = headOf(html)
    expect(head.canonical).toEqual([`${publicAddress}${guide}`])
    expect(Object.keys(head.alternates).sort()).toEqual([...locales.map((locale) => locale.bcp47), 'x-default'].sort())
    for (const href of Object.values(head.alternates)) expect(href).toMatch(new RegExp(`^${publicAddress}/(${prefixPattern()})/guides/`))
    expect(html).toContain(`<meta property="og:url" content="${publicAddress}${guide}"/>`)
    const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!)
    expect(jsonLd['@graph'][0].mainEntityOfPage).toBe(`${publicAddress}${guide}`)
    expect(jsonLd['@graph'][1].itemListElement[0].item).toBe(`${publicAddress}/en`)
    expect(html).not.toContain(deployed.url)
  })

  it('is the address of every URL in the sitemap, and of the sitemap in robots.txt', async () => {
    // The sitemap is an index of sitemaps, each named by its public address too; read here from the server itself.
    const locationsIn = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc!)
    const index = await text(`${deployed.url}/sitemap.xml`)
    const pages = locationsIn(index)
    expect(pages.length).toBeGreaterThan(0)
    const sitemaps = [index, ...(await Promise.all(pages.map((page) => text(page.replace(publicAddress, deployed.url)))))]
    const locations = sitemaps.flatMap(locationsIn)
    expect(locations).toContain(`${publicAddress}${guide}`)
    for (const location of locations) expect(location.startsWith(`${publicAddress}/`), location).toBe(true)
    for (const sitemap of sitemaps) expect(sitemap).not.toContain(deployed.url)
    expect(await text(`${deployed.url}/robots.txt`)).toContain(`Sitemap: ${publicAddress}/sitemap.xml`)
  })

  it('differs between two servers of the same build', async () => {
    expect(headOf(await text(`${site.url}${guide}`)).canonical).toEqual([`${site.url}${guide}`])
    expect(await text(`${site.url}/robots.txt`)).toContain(`Sitemap: ${site.url}/sitemap.xml`)
  })
})
