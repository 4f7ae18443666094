import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { translatedCollections } from '@/translation/documents'

import { launchBrowser } from '../helpers/browser'
import { json } from '../helpers/http'
import { siteAdmin } from '../helpers/site'

/**
 * The admin in Chinese and in French, on the production build: every label a string in the
 * admin's language, bookkeeping fields out of the list columns, dates without English words,
 * no console error, and a dashboard whose numbers are the API's.
 */
const site = inject('site')!
const languages = ['zh', 'fr'] as const
let browser: Browser
let admin: Record<string, string>
let articleId: number

const api = async <T,>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
  const response = await fetch(`${site.url}${path}`, {
    method: init.method ?? 'GET',
    headers: json(admin),
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  expect(response.status, await response.clone().text()).toBeLessThan(300)
  return (await response.json()) as T
}

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await siteAdmin(site.url)
  const created = await api<{ doc: { id: number } }>('/api/articles?locale=zh', {
    method: 'POST',
    body: { title: '仪表盘测试文章', summary: '第一版摘要。', destination: 'NC', _status: 'published' },
  })
  articleId = created.doc.id
  // English approved, then the source changes: outdated. French waits for review (then outdated too, as outdated wins).
  await api(`/api/articles/${articleId}?locale=en`, { method: 'PATCH', body: { title: 'Dashboard test article', translation: { status: 'done' } } })
  await api(`/api/articles/${articleId}?locale=fr`, { method: 'PATCH', body: { title: 'Article de test', translation: { status: 'needs-review' } } })
  await api(`/api/articles/${articleId}?locale=zh`, { method: 'PATCH', body: { summary: '第二版摘要。' } })
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

/** A signed-in page in `language`, and every console error and uncaught exception it reports. */
const adminPage = async (language: (typeof languages)[number]) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const { hostname } = new URL(site.url)
  await context.addCookies([
    { name: 'payload-token', value: admin.Authorization!.replace('JWT ', ''), domain: hostname, path: '/' },
    { name: 'payload-lng', value: language, domain: hostname, path: '/' },
  ])
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  page.on('pageerror', (error) => errors.push(error.message))
  return { page, errors, close: () => context.close() }
}

const visit = async (page: Page, path: string) => {
  await page.goto(`${site.url}${path}`)
  await page.waitForLoadState('networkidle')
}

/** Where `[object Object]` stands in the page, with what surrounds it, or false. */
const objectsInPage = (page: Page) =>
  page.evaluate(() => ({
    // Hidden inputs left out: no one reads them, and Payload writes a json field's object into one's value.
    html: ((html) => (html.includes('[object Object]') ? html.slice(Math.max(0, html.indexOf('[object Object]') - 300), html.indexOf('[object Object]') + 100) : false))(
      ((root) => {
        root.querySelectorAll('input[type="hidden"]').forEach((input) => input.remove())
        return root.outerHTML
      })(document.documentElement.cloneNode(true) as HTMLElement),
    ),
    ariaLabels: [...document.querySelectorAll('[aria-label]')]
      .map((element) => element.getAttribute('aria-label') ?? '')
      .filter((label) => label.includes('[object')),
  }))

/** Names the column picker showed in English before: bookkeeping fields and our own labels. */
const englishNames = new Set([
  'Source Fingerprint',
  'Source Snapshot',
  'Machine',
  'Translation Changes',
  'Machine Translate',
  'Minor edit (translations stay current)',
  'Title',
  'Summary',
  'Hero image',
  'Body',
  'Related carriers',
  'Last verified',
  'Published at',
  'Source language',
  'Translation',
  'Translation status',
  'Assignee',
])

describe.each(languages)('the admin in %s', (language) => {
  // Seen once in three whole-suite runs (the document view in zh, never alone or beside the scale
  // test): a second try tells a passing race from a label that is an object. A failure's diff
  // shows the text around it, for the next look.
  it('shows labels as strings in its language on the dashboard, a list and a document, with no console error', { retry: 1 }, async () => {
    const { page, errors, close } = await adminPage(language)
    for (const path of ['/admin', '/admin/collections/articles', `/admin/collections/articles/${articleId}`]) {
      await visit(page, path)
      expect({ path, ...(await objectsInPage(page)) }).toEqual({ path, html: false, ariaLabels: [] })
    }
    // The sort buttons name their column in the admin's language.
    await visit(page, '/admin/collections/articles')
    const sortLabels = await page.locator('.sort-column__buttons button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))
    expect(sortLabels.length).toBeGreaterThan(0)
    expect(sortLabels.join(' ')).toContain(language === 'zh' ? '标题' : 'Titre')
    expect(errors).toEqual([])
    await close()
  })

  it('keeps bookkeeping fields out of the column picker, and names the others in its language', async () => {
    const { page, close } = await adminPage(language)
    for (const collection of translatedCollections) {
      await visit(page, `/admin/collections/${collection}`)
      const pills = await page.locator('.pill-selector__pill').allTextContents()
      expect(pills.length).toBeGreaterThan(5)
      const english = pills.filter((pill) => pill.split(' > ').some((part) => englishNames.has(part.trim())))
      expect({ collection, english }).toEqual({ collection, english: [] })
      if (language === 'zh') {
        // Every column has Chinese in its name, but identifiers that read the same in every language.
        expect(pills.filter((pill) => !['ID', 'MCC-MNC'].includes(pill) && !/\p{Script=Han}/u.test(pill))).toEqual([])
      }
    }
    await close()
  })

  it('writes dates with numbers and a 24-hour clock', async () => {
    const { page, close } = await adminPage(language)
    await visit(page, '/admin/collections/articles')
    const cells = page.locator('td.cell-updatedAt')
    // The cells are written in the browser: on this shared machine, it may take a while.
    await expect
      .poll(async () => (await cells.allTextContents()).filter((text) => /\d/.test(text)).length, { timeout: 30_000 })
      .toBeGreaterThan(0)
    for (const text of await cells.allTextContents()) expect(text.trim()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)

    await visit(page, `/admin/collections/articles/${articleId}?locale=zh`)
    const body = await page.locator('body').innerText()
    expect(body).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\d (AM|PM)\b/)
    await close()
  })

  it('has a dashboard whose numbers are the API’s, each linking to its list', async () => {
    const { page, close } = await adminPage(language)
    const totals = async () =>
      Object.fromEntries(
        await Promise.all(
          translatedCollections.map(async (slug) => [slug, (await api<{ totalDocs: number }>(`/api/${slug}?limit=1&depth=0`)).totalDocs] as const),
        ),
      )
    const before = await totals()
    await visit(page, '/admin')
    const after = await totals()
    for (const slug of translatedCollections) {
      const card = page.locator(`.lagon-dashboard__card[data-collection="${slug}"]`)
      const shown = Number(await card.locator('.lagon-dashboard__count').textContent())
      // Other tests of the run may add documents meanwhile: the page's number is one the API gave.
      expect([before[slug], after[slug]]).toContain(shown)
      expect(await card.locator('a.lagon-dashboard__card-link').getAttribute('href')).toBe(`/admin/collections/${slug}`)
    }

    for (const locale of ['en', 'fr']) {
      const report = await api<{ counts: Record<string, number> }>(`/api/translations/status?collection=articles&locale=${locale}`)
      const row = page.locator(`.lagon-dashboard--work tr[data-collection="articles"][data-locale="${locale}"]`)
      const outdated = row.locator('[data-kind="outdated"] a')
      expect(Number(await outdated.textContent())).toBe(report.counts.outdated)
      expect(await outdated.getAttribute('href')).toBe(`/admin/translations?collection=articles&locale=${locale}&status=outdated`)
      expect(Number(await row.locator('[data-kind="needs-review"] a').textContent())).toBe(report.counts['needs-review'])
    }
    expect(Number(await page.locator('tr[data-collection="articles"][data-locale="en"] [data-kind="outdated"] a').textContent())).toBeGreaterThan(0)

    const recent = page.locator('.lagon-dashboard--recent')
    expect(await recent.locator(`a[href^="/admin/collections/articles/${articleId}"]`).count()).toBe(1)
    expect(await recent.locator('a.lagon-dashboard__list-link[href^="/admin/collections/articles"]').count()).toBeGreaterThan(0)
    await close()
  })
})
