import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { json } from '../helpers/http'
import { siteAdmin } from '../helpers/site'

const site = inject('site')!
let browser: Browser
let admin: Record<string, string>
let secret: string

beforeAll(async () => {
  process.env.PAYLOAD_SECRET = 'test-secret'
  secret = (await import('@/site/preview')).previewSecret()
  browser = await launchBrowser()
  admin = await siteAdmin(site.url)
  const response = await fetch(`${site.url}/api/articles?locale=en&draft=true`, {
    method: 'POST',
    headers: json(admin),
    body: JSON.stringify({ title: 'Preview only draft', slug: 'preview-only', destination: 'NC', _status: 'draft' }),
  })
  expect(response.status).toBe(201)
})
afterAll(async () => {
  await browser?.close()
})

const preview = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${site.url}/next/preview?${query}`, { headers, redirect: 'manual' })

describe('draft preview', () => {
  it('refuses a wrong secret, a visitor who is not signed in, and a path off the site', async () => {
    expect((await preview('secret=nope&path=/en')).status).toBe(401)
    expect((await preview(`secret=${secret}&path=/en`)).status).toBe(403)
    expect((await preview(`secret=${secret}&path=//evil.example`, admin)).status).toBe(400)
  })

  it('shows signed-in staff the draft, with a notice, and nobody else', async () => {
    const token = admin.Authorization!.replace('JWT ', '')
    const host = new URL(site.url).hostname
    const editor = await browser.newContext()
    await editor.addCookies([{ name: 'payload-token', value: token, domain: host, path: '/' }])
    const page = await editor.newPage()
    await page.goto(`${site.url}/next/preview?secret=${secret}&path=${encodeURIComponent('/en/guides/preview-only')}`)
    expect(new URL(page.url()).pathname).toBe('/en/guides/preview-only')
    expect(await page.textContent('h1')).toBe('Preview only draft')
    expect(await page.textContent('.preview')).toContain('Draft preview')
    await editor.close()

    const reader = await browser.newContext()
    const response = await (await reader.newPage()).goto(`${site.url}/en/guides/preview-only`)
    expect(response?.status()).toBe(404)
    await reader.close()
  })
})

describe('live preview', () => {
  it('points the admin at the preview route of the document in the locale being edited', async () => {
    const { default: config } = await import('@payload-config')
    const url = (await config).admin.livePreview!.url as (args: Record<string, unknown>) => string
    const collectionConfig = (await config).collections.find((collection) => collection.slug === 'articles')
    const link = url({ collectionConfig, data: { slug: 'nouvelle-caledonie-esim-wechat-alipay' }, locale: { code: 'fr' } })
    expect(link).toBe(`/next/preview?secret=${secret}&path=${encodeURIComponent('/fr/guides/nouvelle-caledonie-esim-wechat-alipay')}`)
    expect((await config).admin.livePreview!.breakpoints!.map((breakpoint) => breakpoint.name)).toEqual(['mobile', 'desktop'])
  })
})
