import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { feedSize } from '@/site/feeds'

import { json } from '../helpers/http'
import { siteAdmin, within } from '../helpers/site'

/**
 * The Atom and JSON feeds of guides and tips, in each locale, as a feed reader takes them: the
 * rules of RFC 4287 and JSON Feed 1.1 checked on every feed, published content only (a draft, or
 * a translation not published, never in them), absolute links, localized titles, as fresh as the
 * pages, and named in the head of the site's pages.
 */
const site = inject('site')!
const locales = ['zh', 'en', 'fr'] as const
const kinds = ['guides', 'tips'] as const
const bcp47 = { zh: 'zh-Hans', en: 'en', fr: 'fr' } as const
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link', 'id', 'title', 'updated', 'author', 'published', 'summary'].includes(name),
})
type Link = { '@rel'?: string; '@href': string; '@type'?: string }
type Entry = { id: string[]; title: string[]; updated: string[]; published?: string[]; link?: Link[]; author?: unknown[] }
type Feed = Entry & { '@xml:lang': string; author?: { name: string }[]; entry?: Entry[] }

let admin: Record<string, string>
// Tips, not guides: the pages of the guides' list are counted by tests/site/scale.test.ts. In
// 'safety', at the end of the tips' list, so that other files' tips stay on its first page.
const titles = {
  published: { zh: '订阅源：已发布', en: 'Feeds: published tip' },
  unpublishedFr: 'Flux : traduction non publiée',
  draft: '订阅源：草稿',
}

const get = (path: string) => fetch(`${site.url}${path}`)
const atom = async (kind: string, locale: string) => {
  const response = await get(`/feeds/${kind}-${locale}.atom`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/atom+xml')
  const xml = await response.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  return { xml, feed: (parser.parse(xml) as { feed: Feed }).feed }
}
const jsonFeed = async (kind: string, locale: string) => {
  const response = await get(`/feeds/${kind}-${locale}.json`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/feed+json')
  const text = await response.text()
  return { text, feed: JSON.parse(text) as Record<string, unknown> & { items: Record<string, unknown>[] } }
}

const create = async (locale: string, data: Record<string, unknown>) => {
  const response = await fetch(`${site.url}/api/tips?locale=${locale}`, {
    method: 'POST',
    headers: json(admin),
    body: JSON.stringify({ destination: 'NC', category: 'safety', order: 9999, ...data }),
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { doc: { id: number } }).doc.id
}
const patch = async (id: number, locale: string, data: Record<string, unknown>) => {
  const response = await fetch(`${site.url}/api/tips/${id}?locale=${locale}`, { method: 'PATCH', headers: json(admin), body: JSON.stringify(data) })
  expect(response.status, await response.clone().text()).toBe(200)
}
const text = (value: string) => ({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: value, detail: 0, format: 0, mode: 'normal', style: '' }] }] } })

let publishedId: number

beforeAll(async () => {
  admin = await siteAdmin(site.url)
  await create('zh', { title: titles.draft, slug: 'feed-draft', _status: 'draft' })
  publishedId = await create('zh', { title: titles.published.zh, slug: 'feed-published', body: text('正文 & <标记>'), _status: 'published' })
  await patch(publishedId, 'en', { title: titles.published.en, slug: 'feed-published-en', body: text('A body & <marks>'), _status: 'published' })
  await patch(publishedId, 'fr', { title: titles.unpublishedFr, slug: 'feed-published-fr', _status: 'draft' })
}, 120_000)

describe('the Atom feeds (RFC 4287)', () => {
  it.each(locales.flatMap((locale) => kinds.map((kind) => [kind, locale] as const)))('%s in %s follows the RFC', async (kind, locale) => {
    const { feed } = await atom(kind, locale)
    expect(feed['@xml:lang']).toBe(bcp47[locale])
    // One id, title and updated per feed and per entry; an author for the feed; links absolute.
    for (const element of [feed, ...(feed.entry ?? [])]) {
      expect(element.id).toHaveLength(1)
      expect(element.title).toHaveLength(1)
      expect(element.updated).toHaveLength(1)
      expect(element.updated[0]).toMatch(rfc3339)
      for (const date of element.published ?? []) expect(date).toMatch(rfc3339)
      expect(element.link?.filter((link) => (link['@rel'] ?? 'alternate') === 'alternate').length).toBeGreaterThanOrEqual(1)
      for (const link of element.link ?? []) expect(link['@href'].startsWith(`${site.url}/`), link['@href']).toBe(true)
    }
    expect(feed.author?.[0]?.name).toBeTruthy()
    expect(feed.link?.find((link) => link['@rel'] === 'self')?.['@href']).toBe(`${site.url}/feeds/${kind}-${locale}.atom`)
    const ids = (feed.entry ?? []).map((entry) => entry.id[0])
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeLessThanOrEqual(feedSize)
    // The newest entry's time is the feed's.
    if (ids.length) expect(feed.updated[0]).toBe((feed.entry ?? []).map((entry) => entry.updated[0]!).sort().at(-1))
    // Every entry leads to a page of this locale that answers.
    for (const entry of (feed.entry ?? []).slice(0, 3)) {
      const href = entry.link!.find((link) => (link['@rel'] ?? 'alternate') === 'alternate')!['@href']
      expect(href.startsWith(`${site.url}/${locale}/`), href).toBe(true)
      expect((await fetch(href.split('#')[0]!)).status, href).toBe(200)
    }
  })

  it('holds the newest guides only, at most the feed size, with titles in the feed locale', async () => {
    const { feed } = await atom('guides', 'en')
    const { totalDocs } = (await (await get('/api/articles?locale=en&limit=1')).json()) as { totalDocs: number }
    expect(feed.entry?.length ?? 0).toBe(Math.min(totalDocs, feedSize))
    expect(feed.title[0]).toBe('Lagon travel guides · Travel guides')
    expect((await atom('guides', 'fr')).feed.title[0]).toContain('Guides de voyage')
    expect((await atom('tips', 'zh')).feed.title[0]).toContain('实用贴士')
  })
})

describe('the JSON feeds (JSON Feed 1.1)', () => {
  it.each(locales.flatMap((locale) => kinds.map((kind) => [kind, locale] as const)))('%s in %s has the required fields', async (kind, locale) => {
    const { feed } = await jsonFeed(kind, locale)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(typeof feed.title).toBe('string')
    expect(feed.language).toBe(bcp47[locale])
    expect(feed.feed_url).toBe(`${site.url}/feeds/${kind}-${locale}.json`)
    expect(String(feed.home_page_url).startsWith(`${site.url}/${locale}/`)).toBe(true)
    expect(Array.isArray(feed.items)).toBe(true)
    expect(feed.items.length).toBeLessThanOrEqual(feedSize)
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string')
      expect(typeof item.content_text === 'string' || typeof item.content_html === 'string').toBe(true)
      expect(String(item.url).startsWith(`${site.url}/${locale}/`)).toBe(true)
      for (const date of [item.date_published, item.date_modified].filter(Boolean)) expect(date).toMatch(rfc3339)
    }
    // The same entries as the Atom feed of that locale.
    const ids = (((await atom(kind, locale)).feed.entry ?? []) as Entry[]).map((entry) => entry.id[0])
    expect(feed.items.map((item) => item.id)).toEqual(ids)
  })
})

describe('what the feeds hold', () => {
  it('has published translations only: no draft, no translation that is not published', async () => {
    await within(5000, async () => (await atom('tips', 'en')).xml.includes(titles.published.en))
    expect((await atom('tips', 'zh')).xml).toContain(titles.published.zh)
    const { xml } = await atom('tips', 'en')
    expect(xml).toContain('A body &amp; &lt;marks&gt;')
    expect(xml).toContain(`${site.url}/en/tips#feed-published-en`)
    for (const locale of locales) {
      for (const kind of kinds) {
        for (const body of [(await atom(kind, locale)).xml, (await jsonFeed(kind, locale)).text]) {
          expect(body).not.toContain(titles.draft)
          expect(body).not.toContain(titles.unpublishedFr)
        }
      }
    }
  })

  it('is as fresh as the pages: a publication shows within 2 seconds, a withdrawal goes as fast', async () => {
    await patch(publishedId, 'fr', { _status: 'published' })
    await within(2000, async () => (await atom('tips', 'fr')).xml.includes(titles.unpublishedFr))
    expect((await jsonFeed('tips', 'fr')).text).toContain(titles.unpublishedFr)
    await patch(publishedId, 'fr', { _status: 'draft' })
    await within(2000, async () => !(await atom('tips', 'fr')).xml.includes(titles.unpublishedFr))
  })

  it('answers 404 for a feed that does not exist', async () => {
    for (const name of ['guides-de.atom', 'carriers-en.atom', 'guides-en.rss']) expect((await get(`/feeds/${name}`)).status).toBe(404)
  })
})

describe('the feeds in the head of the pages', () => {
  it.each(locales)('are named by the %s pages, guides and tips, Atom and JSON', async (locale) => {
    for (const path of [`/${locale}`, `/${locale}/guides`, `/${locale}/tips`]) {
      const html = await (await get(path)).text()
      const links = [...html.matchAll(/<link [^>]*rel="alternate"[^>]*>/g)].map(([tag]) => tag)
      for (const [kind, format, type] of [
        ['guides', 'atom', 'application/atom+xml'],
        ['tips', 'atom', 'application/atom+xml'],
        ['guides', 'json', 'application/feed+json'],
      ] as const) {
        const link = links.find((tag) => tag.includes(`href="${site.url}/feeds/${kind}-${locale}.${format}"`))
        expect(link, `${path}: ${kind} ${format}`).toBeDefined()
        expect(link).toContain(`type="${type}"`)
      }
    }
  })
})
