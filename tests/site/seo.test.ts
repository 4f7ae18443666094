import { beforeAll, describe, expect, inject, it } from 'vitest'

import { bcp47, localeCodes, urlPrefix } from '@/lib/locales'

import { json } from '../helpers/http'
import { headOf, siteAdmin, sitemapText } from '../helpers/site'

const site = inject('site')!
const guide = {
  zh: '/zh/guides/xinkaliduoniya-esim-weixin-zhifubao',
  en: '/en/guides/new-caledonia-esim-wechat-alipay',
  fr: '/fr/guides/nouvelle-caledonie-esim-wechat-alipay',
  // The seed's conversion of zh, reviewed and published (content/articles/…/zh-Hant.review.yaml).
  'zh-Hant': '/zh-hant/guides/xinkaliduoniya-esim-weixin-zhifubao',
}
const html = async (path: string) => {
  const response = await fetch(`${site.url}${path}`)
  expect(response.status, path).toBe(200)
  return response.text()
}

describe('a guide published in every locale', () => {
  it.each(Object.entries(guide))('%s: canonical to itself, hreflang for all of them plus x-default', async (locale, path) => {
    const head = headOf(await html(path))
    expect(head.canonical).toEqual([`${site.url}${path}`])
    expect(head.alternates).toEqual({
      ...Object.fromEntries(localeCodes.map((code) => [bcp47(code), `${site.url}${guide[code]}`])),
      'x-default': `${site.url}${guide.en}`,
    })
    expect(head.robots.join()).not.toContain('noindex')
    expect(path.startsWith(`/${urlPrefix(locale as keyof typeof guide)}/`)).toBe(true)
  })

  it('carries OpenGraph, Twitter and JSON-LD Article and BreadcrumbList data', async () => {
    const page = await html(guide.fr)
    expect(page).toContain('property="og:title"')
    expect(page).toContain('name="twitter:card"')
    const jsonLd = JSON.parse(page.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!)
    const types = jsonLd['@graph'].map((item: { '@type': string }) => item['@type'])
    expect(types).toEqual(['Article', 'BreadcrumbList'])
    expect(jsonLd['@graph'][0].inLanguage).toBe('fr')
  })
})

describe('a guide published in one locale', () => {
  beforeAll(async () => {
    const admin = await siteAdmin(site.url)
    const response = await fetch(`${site.url}/api/articles?locale=zh`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ title: '只有中文的指南', slug: 'zhi-you-zhong-wen', destination: 'NC', _status: 'published' }),
    })
    expect(response.status).toBe(201)
    // Published pages show up within 2 s (see freshness.test.ts).
    for (let tries = 0; tries < 20 && (await fetch(`${site.url}/zh/guides/zhi-you-zhong-wen`)).status !== 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })

  it('has hreflang for that locale only, plus x-default', async () => {
    const head = headOf(await html('/zh/guides/zhi-you-zhong-wen'))
    expect(head.alternates).toEqual({
      'zh-Hans': `${site.url}/zh/guides/zhi-you-zhong-wen`,
      'x-default': `${site.url}/zh/guides/zhi-you-zhong-wen`,
    })
  })

  it('is shown to French readers as the Chinese text, with a notice, noindex and a canonical to it', async () => {
    const page = await html('/fr/guides/zhi-you-zhong-wen')
    expect(page.replaceAll('&#x27;', "'")).toContain("n'est pas encore traduite en français")
    const head = headOf(page)
    expect(head.robots.join()).toContain('noindex')
    expect(head.canonical).toEqual([`${site.url}/zh/guides/zhi-you-zhong-wen`])
  })
})

describe('sitemap.xml', () => {
  it('parses, and lists exactly the published documents in their published locales', async () => {
    const xml = await sitemapText(site.url)
    expect(xml.startsWith('<?xml')).toBe(true)
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => url!.replace(site.url, ''))
    const documents = urls.filter((url) => /\/(guides|carriers)\/[^/]+$/.test(url))

    const expected: string[] = []
    for (const [collection, segment, titleField] of [
      ['articles', 'guides', 'title'],
      ['carriers', 'carriers', 'name'],
    ] as const) {
      const { docs } = (await (await fetch(`${site.url}/api/${collection}?locale=all&limit=100&depth=0`)).json()) as {
        docs: Record<string, Record<string, string>>[]
      }
      for (const doc of docs) {
        for (const locale of localeCodes) {
          if (doc[titleField]?.[locale]) expected.push(`/${urlPrefix(locale)}/${segment}/${doc.slug![locale]}`)
        }
      }
    }
    expect(documents.sort()).toEqual(expected.sort())
    expect(xml).toContain('xhtml:link')
    expect(xml).toContain(`hreflang="zh-Hans" href="${site.url}${guide.zh}"`)
  })
})
