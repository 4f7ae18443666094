import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { machineTranslationMessages } from '@/translation/machine/admin/messages'

import { launchBrowser } from '../helpers/browser'
import { siteAdmin } from '../helpers/site'

const site = inject('site')!
let browser: Browser
let token: string
let articleId: number

beforeAll(async () => {
  browser = await launchBrowser()
  const admin = await siteAdmin(site.url)
  token = admin.Authorization!.replace('JWT ', '')
  const list = await fetch(`${site.url}/api/articles?limit=1&depth=0`, { headers: admin })
  articleId = ((await list.json()) as { docs: { id: number }[] }).docs[0]!.id
})
afterAll(async () => {
  await browser?.close()
})

const openArticle = async (locale: string, language: string) => {
  const context = await browser.newContext({ locale: language })
  await context.addCookies([{ name: 'payload-token', value: token, domain: new URL(site.url).hostname, path: '/' }])
  const page = await context.newPage()
  await page.goto(`${site.url}/admin/collections/articles/${articleId}?locale=${locale}`)
  await page.waitForSelector('.document-fields__sidebar, [class*="sidebar"]', { timeout: 30_000 })
  return { page, context }
}

describe('the machine translation button in the admin', () => {
  it('says in the admin language that machine translation is not configured when the server has no key', async () => {
    for (const [language, code] of [['fr-FR', 'fr'], ['zh-CN', 'zh']] as const) {
      const { page, context } = await openArticle('fr', language)
      await page.getByText(machineTranslationMessages.notConfigured[code]).waitFor({ timeout: 30_000 })
      expect(await page.getByRole('button', { name: machineTranslationMessages.button[code] }).count()).toBe(0)
      await context.close()
    }
  })

  it('is not shown on the source locale', async () => {
    const { page, context } = await openArticle('zh', 'en-US')
    await page.waitForLoadState('networkidle')
    // The sidebar is there (its translation fields), without the machine translation part.
    await page.getByText('Source language').first().waitFor({ timeout: 30_000 })
    expect(await page.getByText(machineTranslationMessages.label.en, { exact: true }).count()).toBe(0)
    expect(await page.getByText(machineTranslationMessages.notConfigured.en).count()).toBe(0)
    await context.close()
  })
})
