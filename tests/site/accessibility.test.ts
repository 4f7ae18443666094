import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { seriousViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

const site = inject('site')!
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const pages = [
  '/zh', '/en', '/fr',
  '/zh/guides/xinkaliduoniya-esim-weixin-zhifubao', '/en/guides/new-caledonia-esim-wechat-alipay', '/fr/guides/nouvelle-caledonie-esim-wechat-alipay',
  '/zh/carriers', '/en/carriers', '/fr/carriers',
  '/zh/carriers/opt-mobilis', '/en/carriers/opt-mobilis', '/fr/carriers/opt-mobilis',
  '/zh/tips', '/en/tips', '/fr/tips',
  '/fr/nulle-part',
]

describe('axe-core', () => {
  for (const path of pages) {
    for (const width of [360, 1280]) {
      it(`finds no serious or critical violation on ${path} at ${width}px`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 800 } })
        await page.goto(`${site.url}${path}`)
        // Every page has an h1; the 404 page's comes only once Next's runtime has filled it in.
        await page.waitForSelector('h1')
        const violations = await seriousViolations(page)
        expect(violations).toEqual([])
        await page.close()
      })
    }
  }
})
