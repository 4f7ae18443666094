import { beforeAll, describe, expect, inject, it } from 'vitest'

import { json } from '../helpers/http'
import { headOf, siteAdmin, sitemapPages, within } from '../helpers/site'

/**
 * hreflang on a document published in every combination of locales: each published page and its
 * sitemap entry list the same alternates, and all of them name the same x-default (English when
 * published, else the source locale zh, else the one there is). Carriers, not guides: the pages of
 * the guides' list are counted by tests/site/scale.test.ts, and the rule (src/site/hreflang.ts) is one.
 */
const site = inject('site')!
const locales = ['zh', 'en', 'fr'] as const
type Locale = (typeof locales)[number]
const combinations: Locale[][] = [1, 2, 3, 4, 5, 6, 7].map((mask) => locales.filter((_, index) => mask & (1 << index)))
const expectedDefault = (published: Locale[]): Locale => (['en', 'zh', 'fr'] as const).find((locale) => published.includes(locale))!
const hreflang = { zh: 'zh-Hans', en: 'en', fr: 'fr' } as const

const slugOf = (combination: Locale[], locale: Locale) => `xdefault-${combination.join('-')}-${locale}`
const pathOf = (combination: Locale[], locale: Locale) => `/${locale}/carriers/${slugOf(combination, locale)}`

/** The xhtml:link alternates of the sitemap's `<url>` whose loc is `url`, as hreflang → href. */
const sitemapAlternates = (xml: string, url: string): Record<string, string> | undefined => {
  const entry = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)].find(([, loc]) => loc === url)
  return entry && Object.fromEntries([...entry[2]!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, lang, href]) => [lang, href]))
}

beforeAll(async () => {
  const admin = await siteAdmin(site.url)
  for (const combination of combinations) {
    const created = await fetch(`${site.url}/api/carriers?locale=zh`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ name: `x-default ${combination.join('+')}`, slug: slugOf(combination, 'zh'), kind: 'network-operator', destination: 'NC', _status: 'draft' }),
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const { id } = ((await created.json()) as { doc: { id: number } }).doc
    for (const locale of combination) {
      const published = await fetch(`${site.url}/api/carriers/${id}?locale=${locale}`, {
        method: 'PATCH',
        headers: json(admin),
        body: JSON.stringify({ name: `x-default ${combination.join('+')} (${locale})`, slug: slugOf(combination, locale), _status: 'published', translation: { qaOverrideReason: 'A test document.' } }),
      })
      expect(published.status, await published.clone().text()).toBe(200)
    }
  }
  const last = combinations.at(-1)!
  await within(5000, async () => (await fetch(`${site.url}${pathOf(last, 'fr')}`)).status === 200)
}, 120_000)

describe('x-default', () => {
  it.each(combinations.map((combination) => [combination.join('+'), combination] as const))(
    'is the same on every page and sitemap entry of a carrier published in %s',
    async (_name, combination) => {
      const { pages } = await sitemapPages(site.url)
      const expected = {
        ...Object.fromEntries(combination.map((locale) => [hreflang[locale], `${site.url}${pathOf(combination, locale)}`])),
        'x-default': `${site.url}${pathOf(combination, expectedDefault(combination))}`,
      }
      for (const locale of combination) {
        const url = `${site.url}${pathOf(combination, locale)}`
        const page = await fetch(url)
        expect(page.status, url).toBe(200)
        expect(headOf(await page.text()).alternates, url).toEqual(expected)
        expect(sitemapAlternates(pages[`/sitemaps/carriers-${locale}-1.xml`] ?? '', url), url).toEqual(expected)
      }
      for (const locale of locales.filter((each) => !combination.includes(each))) {
        // Whole URLs: one combination's slug begins another's (xdefault-zh-en, xdefault-zh-en-fr).
        const url = `${site.url}${pathOf(combination, locale)}`
        for (const end of ['<', '"']) expect(Object.values(pages).join('\n')).not.toContain(`${url}${end}`)
      }
    },
  )
})
