import pg from 'pg'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { lagonCommand, run } from '@/cli/processes'
import { localeCodes, urlPrefix } from '@/lib/locales'
import { derivedSecret } from '@/lib/secrets'
import { tags } from '@/site/tags'

import { headOf, sitemapPages } from '../helpers/site'

/**
 * The reader site on more documents than one page shows: synthetic guides, carriers and tips from
 * `npm run seed:scale` in the built site's database. Slugs resolve through their indexes, lists
 * are paginated by path, and the sitemap is an index of bounded pages.
 */
const site = inject('site')!

type Row = { id: number; locale: string; slug: string; status: string }
let locales: Row[]
let renamed: { id: number; old: string }

const rows = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
  const client = new pg.Client({ connectionString: site.databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

const slugOf = (id: number, locale: string) => locales.find((row) => row.id === id && row.locale === locale)
const publishedIn = (id: number, locale: string) => slugOf(id, locale)?.status === 'published'
const get = (pathname: string) => fetch(`${site.url}${pathname}`, { redirect: 'manual' })

beforeAll(async () => {
  const { code, output } = await run(
    // Few tips: other files look for a tip of theirs on the first page of /tips (sorted by category).
    ...lagonCommand('seed-scale', '--articles', '70', '--carriers', '20', '--tips', '8'),
    { ...process.env, DATABASE_URL: site.databaseUrl },
    { quiet: true, timeoutMs: 120_000 },
  )
  expect(code, output).toBe(0)
  // A script's writes reach the running site through the same door as scheduled publications.
  process.env.PAYLOAD_SECRET = 'test-secret'
  const expired = await fetch(`${site.url}/next/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${derivedSecret('revalidate')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tags: (['articles', 'carriers', 'tips'] as const).flatMap((c) => localeCodes.map((l) => tags.lists(c, l))) }),
  })
  expect(expired.status).toBe(204)
  locales = (await rows<{ id: number; locale: string; slug: string; status: string }>(
    `select _parent_id as id, _locale as locale, slug, _status as status from articles_locales`,
  )) as Row[]
  // A synthetic guide published in en whose en slug changed (other test files rename and unpublish guides of their own).
  const [history] = await rows<{ id: number; old: string }>(
    `select t.parent_id as id, t.text as old from articles_texts t
     join articles_locales l on l._parent_id = t.parent_id and l._locale = 'en' and l._status = 'published'
     where t.path = 'slugHistory' and t.locale = 'en'
     order by t.parent_id desc limit 1`,
  )
  renamed = history!
}, 180_000)

describe('slugs', () => {
  it('serve a guide under its slug in each published locale, with hreflang from the document', async () => {
    const id = [...new Set(locales.map((row) => row.id))].find((each) => ['zh', 'en', 'fr'].every((locale) => publishedIn(each, locale)))!
    for (const locale of ['zh', 'en', 'fr']) {
      const response = await get(`/${locale}/guides/${slugOf(id, locale)!.slug}`)
      expect(response.status).toBe(200)
      const head = headOf(await response.text())
      expect(head.alternates['fr']).toBe(`${site.url}/fr/guides/${slugOf(id, 'fr')!.slug}`)
      expect(head.alternates['zh-Hans']).toBe(`${site.url}/zh/guides/${slugOf(id, 'zh')!.slug}`)
    }
  })

  it('redirect (308) a previous slug to the current one', async () => {
    const response = await get(`/en/guides/${renamed.old}`)
    expect(response.status).toBe(308)
    expect(new URL(response.headers.get('location')!, site.url).pathname).toBe(`/en/guides/${slugOf(renamed.id, 'en')!.slug}`)
  })

  it("redirect (308) another locale's slug to this locale's", async () => {
    const id = [...new Set(locales.map((row) => row.id))].find((each) => publishedIn(each, 'en') && publishedIn(each, 'fr'))!
    const response = await get(`/fr/guides/${slugOf(id, 'en')!.slug}`)
    expect(response.status).toBe(308)
    expect(new URL(response.headers.get('location')!, site.url).pathname).toBe(`/fr/guides/${slugOf(id, 'fr')!.slug}`)
  })

  it('give no page to a locale that is not published, and no hreflang to it', async () => {
    const draft = locales.find((row) => row.status === 'draft' && row.locale !== 'zh' && publishedIn(row.id, 'zh'))!
    expect((await get(`/${draft.locale}/guides/${draft.slug}`)).status).not.toBe(200)
    const page = await get(`/zh/guides/${slugOf(draft.id, 'zh')!.slug}`)
    expect(page.status).toBe(200)
    expect(Object.keys(headOf(await page.text()).alternates)).not.toContain(draft.locale === 'fr' ? 'fr' : 'en')
  })
})

/** The number of a locale's last guide-list page, by following its rel="next" links. */
const lastPage = async (locale: string): Promise<number> => {
  let page = 1
  for (;;) {
    const html = await (await get(page === 1 ? `/${locale}/guides` : `/${locale}/guides/page/${page}`)).text()
    const next = html.match(/href="\/[a-z]+\/guides\/page\/(\d+)" rel="next"/)
    if (!next) return page
    page = Number(next[1])
  }
}

describe('lists', () => {
  it('are paginated by path with plain links, labelled in the reader’s language', async () => {
    const second = await get('/fr/guides/page/2')
    expect(second.status).toBe(200)
    const html = await second.text()
    expect(html).toMatch(/<a href="\/fr\/guides" rel="prev">Page précédente<\/a>/)
    expect(html).toMatch(/<a href="\/fr\/guides\/page\/3" rel="next">Page suivante<\/a>/)
    // Other files publish guides on the same site: the last page is found by following the links.
    const last = await lastPage('zh')
    const lastHtml = await (await get(`/zh/guides/page/${last}`)).text()
    expect(lastHtml).toContain('上一页')
    expect(lastHtml).not.toContain('rel="next"')
    expect((await get('/en/carriers/page/2')).status).toBe(200)
    expect(await (await get('/en/carriers/page/2')).text()).toContain('rel="prev">Previous page</a>')
  })

  it('answer 404 past the last page, and for a page number that is not one', async () => {
    const pastLast = `/en/guides/page/${(await lastPage('en')) + 1}`
    for (const pathname of [pastLast, '/en/guides/page/999999', '/en/guides/page/0', '/en/guides/page/1', '/en/carriers/page/x']) {
      expect((await get(pathname)).status, pathname).toBe(404)
    }
  })

  it('keep the home page bounded: the latest guides and a link to the rest', async () => {
    const html = await (await get('/en')).text()
    expect(Buffer.byteLength(html)).toBeLessThan(30_000)
    expect([...html.matchAll(/href="\/en\/guides\/[^"/]+"/g)].length).toBeLessThanOrEqual(12)
    expect(html).toContain('href="/en/guides"')
  })
})

describe('the sitemap index', () => {
  it('lists a sitemap per collection and locale, each in schema order with only published locales', async () => {
    const { index, pages } = await sitemapPages(site.url)
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(Object.keys(pages).sort()).toEqual(
      ['/sitemaps/pages.xml', ...['articles', 'carriers'].flatMap((c) => localeCodes.map((l) => `/sitemaps/${c}-${urlPrefix(l)}-1.xml`))].sort(),
    )
    for (const [name, xml] of Object.entries(pages)) {
      const urls = [...xml.matchAll(/<url>.*?<\/url>/g)].map(([url]) => url)
      expect(urls.length, name).toBeGreaterThan(0)
      expect(urls.length, name).toBeLessThanOrEqual(50_000)
      for (const url of urls) expect(url, name).toMatch(/^<url><loc>[^<]+<\/loc>(<lastmod>[^<]+<\/lastmod>)?(<xhtml:link rel="alternate" hreflang="[^"]+" href="[^"]+"\/>)*<\/url>$/)
    }
    const french = pages['/sitemaps/articles-fr-1.xml']!
    const draft = locales.find((row) => row.locale === 'fr' && row.status === 'draft')!
    const published = locales.find((row) => row.locale === 'fr' && row.status === 'published')!
    expect(french).toContain(`<loc>${site.url}/fr/guides/${published.slug}</loc>`)
    expect(french).not.toContain(`/fr/guides/${draft.slug}`)
    expect(Object.values(pages).join()).not.toContain(`/fr/guides/${draft.slug}"`)
  })

  it('answers 404 for a sitemap page that does not exist', async () => {
    expect((await get('/sitemaps/articles-fr-2.xml')).status).toBe(404)
    expect((await get('/sitemaps/articles-de-1.xml')).status).toBe(404)
  })
})
