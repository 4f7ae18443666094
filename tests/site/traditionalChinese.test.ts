import { readdirSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, inject, it } from 'vitest'

import { bcp47, localeCodes } from '@/lib/locales'

import { headOf, sitemapText } from '../helpers/site'

/**
 * The seeded guide in Traditional Chinese, as readers in Taiwan, Hong Kong and Macau get it: made
 * by converting the zh source, reviewed and published by the seed, served at `/zh-hant/…` by the
 * built site.
 */
const site = inject('site')!
const root = path.resolve(import.meta.dirname, '../..')
const guide = {
  zh: '/zh/guides/xinkaliduoniya-esim-weixin-zhifubao',
  en: '/en/guides/new-caledonia-esim-wechat-alipay',
  fr: '/fr/guides/nouvelle-caledonie-esim-wechat-alipay',
  'zh-Hant': '/zh-hant/guides/xinkaliduoniya-esim-weixin-zhifubao',
}

const page = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${site.url}${path}`, { headers, redirect: 'manual' })
  return { status: response.status, location: response.headers.get('location'), html: await response.text() }
}

describe('the guide at /zh-hant', () => {
  it('is in Traditional Chinese, with lang="zh-Hant" and the reader chrome in Traditional', async () => {
    const { status, html } = await page(guide['zh-Hant'])
    expect(status).toBe(200)
    expect(html).toMatch(/<html[^>]* lang="zh-Hant"/)
    expect(html).toContain('新喀里多尼亞上網與支付指南')
    expect(html).toContain('支付寶')
    // The reviewed text, not the raw conversion nor the Simplified source.
    expect(html).toContain('發卡')
    expect(html).not.toMatch(/髮卡|运营商|支付宝/)
    expect(html).toContain('跳至主要內容')
    // The language switcher offers it by its own name.
    expect(html).toMatch(/hreflang="zh-Hant"[^>]*>繁體中文</i)
    // Corrections that read well: no word doubled, Latin words spaced from Chinese ones.
    expect(html).not.toMatch(/電信電信|[\u4e00-\u9fff](App|QR Code)|(App|QR Code)[\u4e00-\u9fff]/)
  })

  it.each(Object.entries(guide))('%s names all four versions in hreflang, plus x-default', async (_locale, path) => {
    const head = headOf((await page(path)).html)
    expect(head.alternates).toEqual({
      ...Object.fromEntries(localeCodes.map((code) => [bcp47(code), `${site.url}${guide[code]}`])),
      'x-default': `${site.url}${guide.en}`,
    })
  })

  it('is in the sitemap with the four alternates', async () => {
    const xml = await sitemapText(site.url)
    const entry = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)].find(([, loc]) => loc === `${site.url}${guide['zh-Hant']}`)
    expect(entry).toBeDefined()
    for (const code of localeCodes) expect(entry![2]).toContain(`hreflang="${bcp47(code)}" href="${site.url}${guide[code]}"`)
  })

  it('is in the zh-Hant feed, and the carriers not yet reviewed in zh-Hant are not', async () => {
    const { status, html: atom } = await page('/feeds/guides-zh-hant.atom')
    expect(status).toBe(200)
    expect(atom).toContain('xml:lang="zh-Hant"')
    expect(atom).toContain(`${site.url}${guide['zh-Hant']}`)
    const tips = await page('/feeds/tips-zh-hant.atom')
    expect(tips.status).toBe(200)
    // The seeded tips' conversions are needs-review drafts: none reaches readers. (Other test
    // files publish synthetic zh-Hant tips into the same site, so the feed need not be empty.)
    const seededTips = readdirSync(path.join(root, 'content/tips'))
    expect(seededTips.length).toBeGreaterThan(0)
    for (const slug of seededTips) expect(tips.html).not.toContain(`/zh-hant/tips#${slug}`)
  })

  it('a page that does not exist is a 404 in Traditional Chinese', async () => {
    const { status, html } = await page('/zh-hant/guides/bu-cun-zai')
    expect(status).toBe(404)
    expect(html).toContain('找不到此頁面')
    expect(html).toMatch(/<html[^>]* lang="zh-Hant"/)
  })
})

describe('readers of Taiwan, Hong Kong and Macau', () => {
  it.each(['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant-HK,en;q=0.5'])('%s are sent to /zh-hant', async (acceptLanguage) => {
    const { status, location } = await page('/', { 'accept-language': acceptLanguage })
    expect(status).toBe(307)
    expect(new URL(location!, site.url).pathname).toBe('/zh-hant')
  })

  it('mainland readers stay on Simplified', async () => {
    const { location } = await page('/', { 'accept-language': 'zh-CN' })
    expect(new URL(location!, site.url).pathname).toBe('/zh')
  })
})
