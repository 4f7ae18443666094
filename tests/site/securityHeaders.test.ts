import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { recreateDatabase, templates, testDatabasePrefix, withDatabase } from '../helpers/databases'
import { copyOfBuild, serverEnv, startServerProcess, type ServerProcess } from '../helpers/serverProcess'
import { siteAdmin } from '../helpers/site'

/**
 * The security headers of every kind of response of the production server (a reader page from
 * the page cache and from Next, the 404 page, the API's JSON, the admin's HTML, a media file), a
 * reader page in a browser without a CSP violation, and on a second server whose public address is
 * https: HSTS, Secure cookies, and X-Forwarded-For from a client that is not a trusted proxy ignored.
 */
const site = inject('site')!
const adminUrl = inject('adminUrl')
let browser: Browser
let admin: Record<string, string>
let mediaPath: string

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await siteAdmin(site.url)
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 20, b: 20 } } }).png().toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'headers-test.png')
  form.append('_payload', JSON.stringify({ alt: '标题' }))
  const upload = await fetch(`${site.url}/api/media?locale=zh`, { method: 'POST', headers: admin, body: form })
  expect(upload.status).toBe(201)
  mediaPath = new URL(((await upload.json()) as { doc: { url: string } }).doc.url, site.url).pathname
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

/** The directives of a Content-Security-Policy header, by name. */
const directives = (csp: string | null): Record<string, string[]> =>
  Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  )

/** What every response carries, whatever its kind. */
const expectCommonHeaders = (response: Response) => {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(response.headers.get('permissions-policy')).toContain('camera=()')
  // The suite's site answers at an http address: no HSTS.
  expect(response.headers.get('strict-transport-security')).toBeNull()
}

const expectReaderPolicy = (response: Response) => {
  expectCommonHeaders(response)
  const csp = directives(response.headers.get('content-security-policy'))
  expect(csp['default-src']).toEqual(["'none'"])
  // No script of any kind may run on a reader page.
  expect(csp['script-src']).toBeUndefined()
  expect(csp['style-src']).toEqual(["'self'"])
  expect(csp['frame-ancestors']).toEqual(["'none'"])
  expect(response.headers.get('x-frame-options')).toBe('DENY')
}

describe('headers of each kind of response', () => {
  it('a reader page, from Next and then from the page cache', async () => {
    const first = await fetch(`${site.url}/fr/guides`)
    expect(first.status).toBe(200)
    await first.text()
    expectReaderPolicy(first)
    const again = await fetch(`${site.url}/fr/guides`)
    expect(again.headers.get('x-lagon-cache')).toBe('HIT')
    expectReaderPolicy(again)
    // A conditional request's 304 too.
    const notModified = await fetch(`${site.url}/fr/guides`, { headers: { 'if-none-match': again.headers.get('etag')! } })
    expect(notModified.status).toBe(304)
    expectReaderPolicy(notModified)
  })

  it('the 404 page', async () => {
    const response = await fetch(`${site.url}/en/guides/no-such-guide-here`)
    expect(response.status).toBe(404)
    expectReaderPolicy(response)
  })

  it('the API’s JSON, its errors, and a media file', async () => {
    for (const path of ['/api/tips?locale=zh', '/api/tips?locale=xx', '/api/users/me']) {
      const response = await fetch(`${site.url}${path}`)
      expect(response.headers.get('content-type')).toContain('application/json')
      expectCommonHeaders(response)
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    }
    const file = await fetch(`${site.url}${mediaPath}`, { headers: admin })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expectCommonHeaders(file)
    expect(directives(file.headers.get('content-security-policy'))['default-src']).toEqual(["'none'"])
  })

  it('the admin’s HTML: scripts only with the response’s own nonce, never framed', async () => {
    const nonces = new Set<string>()
    for (let visit = 0; visit < 2; visit += 1) {
      const response = await fetch(`${site.url}/admin/login`)
      expect(response.status).toBe(200)
      expectCommonHeaders(response)
      const csp = directives(response.headers.get('content-security-policy'))
      expect(csp['frame-ancestors']).toEqual(["'none'"])
      const nonce = csp['script-src']?.find((source) => source.startsWith("'nonce-"))?.slice("'nonce-".length, -1)
      expect(nonce).toBeTruthy()
      nonces.add(nonce!)
      const html = await response.text()
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)
      expect(scripts.length).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    }
    expect(nonces.size).toBe(2)
  })
})

/** A page with every CSP violation it reports (events and console). */
const watchedPage = async (): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  // Chromium logs a 404 page's status as an error too: only what the policy refused counts.
  page.on('console', (message) => message.type() === 'error' && /Content Security Policy/i.test(message.text()) && problems.push(message.text()))
  return { page, problems, close: () => context.close() }
}

describe('in a browser', () => {
  it('reader pages load their styles, images and structured data with no CSP violation', async () => {
    const { page, problems, close } = await watchedPage()
    const home = await page.goto(`${site.url}/zh`)
    expect(home?.status()).toBe(200)
    await page.waitForLoadState('networkidle')
    const guide = await page.getAttribute('a[href^="/zh/guides/"]', 'href')
    expect(guide).toBeTruthy()
    await page.goto(`${site.url}${guide}`)
    await page.waitForLoadState('networkidle')
    // The stylesheet applied, the structured data present, no script ran.
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0)
    expect(await page.locator('script[type="application/ld+json"]').count()).toBeGreaterThan(0)
    // Images load lazily: down to the end of the page, then every image that finished loading must show.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await page.waitForLoadState('networkidle')
    const images = await page.evaluate(() =>
      [...document.images].filter((image) => image.complete).map((image) => ({ src: image.currentSrc, shown: image.naturalWidth > 0 })),
    )
    for (const image of images) expect(image.shown, image.src).toBe(true)
    await page.goto(`${site.url}/fr/page-that-does-not-exist`)
    await page.waitForLoadState('networkidle')
    expect(problems).toEqual([])
    await close()
  }, 180_000)
})

describe('a server whose public address is https', () => {
  let server: ServerProcess
  let build: ReturnType<typeof copyOfBuild>
  // Above what this block's own requests make (health checks while it starts, the first account).
  const rateLimit = 8

  beforeAll(async () => {
    // A database of its own: the rate limit's counters are kept there, and the suite's site counts 127.0.0.1 too.
    const database = `${testDatabasePrefix}https`
    await recreateDatabase(adminUrl, database, templates.seeded)
    build = copyOfBuild(site.build.dir)
    server = await startServerProcess(build.dir, {
      ...serverEnv(withDatabase(adminUrl, database)),
      SITE_URL: 'https://guides.lagon.example',
      API_RATE_LIMIT: String(rateLimit),
      LAGON_JOBS_CRON: 'off',
    })
  }, 180_000)
  afterAll(async () => {
    await server?.stop()
    build?.remove()
  })

  it('sends HSTS and Secure cookies', async () => {
    for (const path of ['/zh', '/api/health', '/admin/login']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains')
    }
    // The first account, registered and logged in at once.
    const login = await fetch(`${server.url}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'https-admin@lagon.test', password: 'an https admin passphrase', name: 'Admin' }),
    })
    expect(login.status).toBe(200)
    expect(login.headers.get('set-cookie')).toMatch(/payload-token=[^;]+;.*Secure/i)
  })

  it('ignores the X-Forwarded-For of a client that is not a trusted proxy', async () => {
    // Each request claims another address; without TRUSTED_PROXIES all count against the connection's.
    const statuses: number[] = []
    for (let sent = 0; sent <= rateLimit + 1; sent += 1) {
      const response = await fetch(`${server.url}/api/tips?locale=fr&depth=0&limit=1`, { headers: { 'x-forwarded-for': `198.51.100.${sent + 10}` } })
      statuses.push(response.status)
    }
    expect(statuses.at(-1)).toBe(429)
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(rateLimit)
  })
})
