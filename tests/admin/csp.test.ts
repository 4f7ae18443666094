import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { json } from '../helpers/http'
import { siteAdmin } from '../helpers/site'

/**
 * The admin under its Content-Security-Policy, in Chromium on the production build: it loads, a
 * person logs in through its form and saves a change, with no CSP violation and no console error;
 * the site's pages refuse to be framed, except the live preview, which the admin frames.
 */
const site = inject('site')!
const credentials = { email: 'site-admin@lagon.test', password: 'site admin password' }
let browser: Browser
let admin: Record<string, string>
let articleId: number
let secret: string

beforeAll(async () => {
  process.env.PAYLOAD_SECRET = 'test-secret'
  secret = (await import('@/site/preview')).previewSecret()
  browser = await launchBrowser()
  admin = await siteAdmin(site.url)
  const created = await fetch(`${site.url}/api/articles?locale=zh`, {
    method: 'POST',
    headers: json(admin),
    body: JSON.stringify({ title: '内容安全策略测试', slug: 'csp-test', summary: '摘要。', destination: 'NC', _status: 'published' }),
  })
  expect(created.status).toBe(201)
  articleId = ((await created.json()) as { doc: { id: number } }).doc.id
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

/** A fresh browser context whose pages report every CSP violation and console error. */
const watchedContext = async (): Promise<{ context: BrowserContext; page: Page; problems: string[] }> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const problems: string[] = []
  await context.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`)
    })
  })
  const page = await context.newPage()
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()))
  page.on('pageerror', (error) => problems.push(error.message))
  return { context, page, problems }
}

describe('the admin under its CSP', () => {
  it('loads, logs in through its form and saves an edit, with no violation', async () => {
    const { context, page, problems } = await watchedContext()
    await page.goto(`${site.url}/admin/login`)
    await page.fill('input[name="email"]', credentials.email)
    await page.fill('input[name="password"]', credentials.password)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/', { timeout: 60_000 })
    await page.waitForLoadState('networkidle')

    // In zh, as the check below reads it: without ?locale the admin opens the locale the site
    // admin last visited (Payload keeps it as a preference), which other admin tests change.
    await page.goto(`${site.url}/admin/collections/articles/${articleId}?locale=zh`)
    const title = page.locator('#field-title')
    await title.waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    await title.fill('内容安全策略测试（已编辑）')
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+s' : 'Control+s')
    await expect
      .poll(
        async () => {
          const response = await fetch(`${site.url}/api/articles/${articleId}?locale=zh&draft=true&depth=0`, { headers: admin })
          return ((await response.json()) as { title: string }).title
        },
        { timeout: 30_000 },
      )
      .toBe('内容安全策略测试（已编辑）')
    await page.waitForLoadState('networkidle')
    expect(problems).toEqual([])
    await context.close()
  }, 180_000)
})

describe('one’s own password in the admin', () => {
  it('changes with the current password given in the account form', async () => {
    const email = 'csp-editor@lagon.test'
    const before = 'the editor’s first passphrase'
    const after = 'the editor’s second passphrase'
    const created = await fetch(`${site.url}/api/users`, { method: 'POST', headers: json(admin), body: JSON.stringify({ email, password: before, name: 'CSP editor', role: 'editor' }) })
    expect(created.status).toBe(201)
    const { context, page, problems } = await watchedContext()
    await page.goto(`${site.url}/admin/login`)
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', before)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/', { timeout: 60_000 })
    await page.goto(`${site.url}/admin/account`)
    await page.click('#change-password', { timeout: 60_000 })
    await page.fill('#field-password', after)
    await page.fill('#field-confirm-password', after)
    // Each change sends the form's state to the server (debounced); a save clicked while that
    // answer is on its way is judged on the state before it, whose password fields are empty, and
    // Payload refuses it as invalid with no field marked. A person pauses; the test waits for it.
    const formStateAnswered = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && new URL(response.url()).pathname === '/admin/account' && (response.request().postData() ?? '').includes(before),
    )
    await page.fill('#field-currentPassword', before)
    await formStateAnswered
    // Logging in is tried once the save has answered: attempts with the new password before that
    // fail and would count towards the lockout this very change is guarded by.
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && new URL(response.url()).pathname.startsWith('/api/users/'), {
      timeout: 60_000,
    })
    await page.click('#action-save')
    expect((await saved).status()).toBe(200)
    const logIn = (password: string) =>
      fetch(`${site.url}/api/users/login`, { method: 'POST', headers: json(), body: JSON.stringify({ email, password }) }).then((response) => response.status)
    expect(await logIn(after)).toBe(200)
    expect(await logIn(before)).toBe(401)
    expect(problems).toEqual([])
    await context.close()
  }, 180_000)
})

describe('framing', () => {
  it('lets the admin frame the live preview, and no page frame a reader page or the admin', async () => {
    const { context, page } = await watchedContext()
    const token = admin.Authorization!.replace('JWT ', '')
    await context.addCookies([{ name: 'payload-token', value: token, domain: new URL(site.url).hostname, path: '/' }])
    await page.goto(`${site.url}/admin`)
    await page.waitForLoadState('networkidle')
    const framed = (src: string) =>
      page.evaluate(
        (frameSrc) =>
          new Promise<string | null>((resolve) => {
            const frame = document.createElement('iframe')
            frame.src = frameSrc
            frame.onload = () => {
              // A refused frame holds Chromium's error page, of another origin: no document to read.
              let text: string | null = null
              try {
                text = frame.contentDocument?.querySelector('h1')?.textContent ?? null
              } catch {
                text = null
              }
              resolve(text)
            }
            document.body.append(frame)
          }),
        src,
      )
    const previewPath = `/next/preview?secret=${secret}&path=${encodeURIComponent('/zh/guides/csp-test')}`
    // Reader pages first: once the preview has turned draft mode on for this browser, its site pages are previews too.
    expect(await framed('/zh/guides/csp-test')).toBeNull()
    expect(await framed('/admin/login')).toBeNull()
    expect(await framed(previewPath)).toBe('内容安全策略测试（已编辑）')
    await context.close()
  }, 180_000)
})
