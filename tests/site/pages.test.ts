import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'

const site = inject('site')!
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const pageTypes = {
  zh: {
    home: ['/zh', 'Lagon 旅行指南'],
    guide: ['/zh/guides/xinkaliduoniya-esim-weixin-zhifubao', '新喀里多尼亚'],
    guides: ['/zh/guides', '旅行指南'],
    carriers: ['/zh/carriers', '运营商与套餐比较'],
    carrier: ['/zh/carriers/opt-mobilis', '旅游卡'],
    tips: ['/zh/tips', '实用贴士'],
  },
  en: {
    home: ['/en', 'Lagon travel guides'],
    guide: ['/en/guides/new-caledonia-esim-wechat-alipay', 'New Caledonia'],
    guides: ['/en/guides', 'Travel guides'],
    carriers: ['/en/carriers', 'Carriers and plans compared'],
    carrier: ['/en/carriers/opt-mobilis', 'Tourism'],
    tips: ['/en/tips', 'Practical tips'],
  },
  fr: {
    home: ['/fr', 'Guides de voyage Lagon'],
    guide: ['/fr/guides/nouvelle-caledonie-esim-wechat-alipay', 'Nouvelle-Calédonie'],
    guides: ['/fr/guides', 'Guides de voyage'],
    carriers: ['/fr/carriers', 'Opérateurs et forfaits comparés'],
    carrier: ['/fr/carriers/opt-mobilis', 'Forfaits'],
    tips: ['/fr/tips', 'Conseils pratiques'],
  },
} as const

const htmlLang = { zh: 'zh-Hans', en: 'en', fr: 'fr' } as const

/** Navigation and labels that must never show up untranslated ("Sources" is French too). */
const englishChrome = ['Carriers & plans', 'Skip to content', 'Last verified', 'Unverified', 'Phone number', 'Receives SMS']

describe('every page type in every locale', () => {
  for (const [locale, pages] of Object.entries(pageTypes) as [keyof typeof pageTypes, (typeof pageTypes)['zh']][]) {
    for (const [type, [path, text]] of Object.entries(pages)) {
      it(`${locale} ${type} renders its localized content, with JavaScript disabled`, async () => {
        const context = await browser.newContext({ javaScriptEnabled: false })
        const page = await context.newPage()
        const response = await page.goto(`${site.url}${path}`)
        expect(response?.status()).toBe(200)
        expect(await page.getAttribute('html', 'lang')).toBe(htmlLang[locale])
        const body = await page.textContent('body')
        expect(body).toContain(text)
        if (locale !== 'en') for (const english of englishChrome) expect(body).not.toContain(english)
        if (locale === 'zh') expect(body).not.toContain('Sources')
        await context.close()
      })
    }
  }
})

describe('localized 404', () => {
  it.each([
    ['/fr/nulle-part', 'Page introuvable', 'fr'],
    ['/zh/guides/bu-cun-zai', '找不到此页面', 'zh-Hans'],
    ['/zh-hant/guides/bu-cun-zai', '找不到此頁面', 'zh-Hant'],
    ['/en/carriers/nope', 'Page not found', 'en'],
    ['/fr/404', 'Page introuvable', 'fr'],
  ])('%s is a 404 in its language, with JavaScript disabled', async (path, text, lang) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const response = await page.goto(`${site.url}${path}`)
    expect(response?.status()).toBe(404)
    expect(await page.textContent('h1')).toBe(text)
    expect(await page.getAttribute('html', 'lang')).toBe(lang)
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toContain('noindex')
    await context.close()
  })

  it('an unknown locale prefix is a 404 in the reader\'s language, not a crash', async () => {
    const french = await fetch(`${site.url}/de/guides/x`, { headers: { 'accept-language': 'fr-CH, de;q=0.5' } })
    expect(french.status).toBe(404)
    expect(await french.text()).toContain('<h1>Page introuvable</h1>')
    const other = await fetch(`${site.url}/de`, { headers: { 'accept-language': 'de' } })
    expect(other.status).toBe(404)
    expect(await other.text()).toContain('<h1>Page not found</h1>')
  })
})

describe('language negotiation', () => {
  it.each([
    ['zh-TW,zh;q=0.9', '/zh-hant'],
    ['zh-CN,zh;q=0.9', '/zh'],
    ['fr-CA', '/fr'],
    ['de-DE,de;q=0.9', '/en'],
    ['de;q=0.9,fr;q=0.8,en;q=0.5', '/fr'],
  ])('Accept-Language %s goes to %s with a 307', async (accept, target) => {
    const response = await fetch(`${site.url}/`, { headers: { 'accept-language': accept }, redirect: 'manual' })
    expect(response.status).toBe(307)
    expect(new URL(response.headers.get('location')!, site.url).pathname).toBe(target)
  })

  it('remembers a language chosen in the switcher', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', extraHTTPHeaders: { 'accept-language': 'zh-CN' } })
    const page = await context.newPage()
    await page.goto(`${site.url}/`)
    expect(new URL(page.url()).pathname).toBe('/zh')
    await page.click('nav.switcher a[hreflang="fr"]')
    expect(new URL(page.url()).pathname).toBe('/fr')
    expect(new URL(page.url()).search).toBe('')
    await page.goto(`${site.url}/`)
    expect(new URL(page.url()).pathname).toBe('/fr')
    await context.close()
  })
})

describe('the language switcher', () => {
  it('goes to the same guide under its translated slug', async () => {
    const page = await browser.newPage()
    await page.goto(`${site.url}/zh/guides/xinkaliduoniya-esim-weixin-zhifubao`)
    await page.click('nav.switcher a[hreflang="en"]')
    expect(new URL(page.url()).pathname).toBe('/en/guides/new-caledonia-esim-wechat-alipay')
    await page.click('nav.switcher a[hreflang="fr"]')
    expect(new URL(page.url()).pathname).toBe('/fr/guides/nouvelle-caledonie-esim-wechat-alipay')
    expect(await page.textContent('h1')).toMatch(/Nouvelle-Calédonie/)
    await page.close()
  })
})

describe('robots.txt', () => {
  it('points to the sitemap and keeps crawlers out of the admin', async () => {
    const text = await (await fetch(`${site.url}/robots.txt`)).text()
    expect(text).toContain(`Sitemap: ${site.url}/sitemap.xml`)
    expect(text).toMatch(/Disallow: \/admin/)
  })
})
