import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { bcp47 } from '@/lib/locales'

import { recreateDatabase, templates, testDatabasePrefix, withDatabase } from '../helpers/databases'
import { json } from '../helpers/http'
import { waitFor } from '../helpers/ports'
import { copyOfBuild, serverEnv, startServerProcess, type ServerProcess } from '../helpers/serverProcess'
import { siteAdmin } from '../helpers/site'
import { tcpProxy, throughProxy } from '../helpers/tcpProxy'

/**
 * Lagon's server when what is behind it fails (src/server/resilience.ts): a server process of this
 * file's own, on a copy of the seeded database reached through a TCP proxy the test can cut. A
 * render is made to hang for real, with nothing in the product's code: the test locks the
 * articles table in a transaction, so every query that reads articles waits for it.
 */
const adminUrl = inject('adminUrl')
const site = inject('site')!
const databaseUrl = withDatabase(adminUrl, `${testDatabasePrefix}resilience`)
const guide = '/en/guides/new-caledonia-esim-wechat-alipay'
const renderTimeoutMs = 1_500

let server: ServerProcess
let build: ReturnType<typeof copyOfBuild>
let proxy: Awaited<ReturnType<typeof tcpProxy>>
let admin: Record<string, string>
let guideId: number

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: 'manual' })

/** Runs `work` while another transaction holds an exclusive lock on the articles table. */
const withArticlesLocked = async <T>(work: () => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('begin')
    await client.query('lock table articles in access exclusive mode')
    return await work()
  } finally {
    await client.query('rollback').catch(() => {})
    await client.end()
  }
}

beforeAll(async () => {
  await recreateDatabase(adminUrl, `${testDatabasePrefix}resilience`, templates.seeded)
  const target = new URL(adminUrl)
  proxy = await tcpProxy({ host: target.hostname, port: Number(target.port) })
  build = copyOfBuild(site.build.dir)
  server = await startServerProcess(build.dir, {
    ...serverEnv(throughProxy(databaseUrl, proxy.port)),
    SITE_RENDER_TIMEOUT_MS: String(renderTimeoutMs),
    DATABASE_CONNECT_TIMEOUT_MS: '1000',
    SHUTDOWN_TIMEOUT_MS: '30000',
    LAGON_JOBS_CRON: 'off',
    // One render at a time, one miss waiting: what 'cold renders beyond the cap' below needs.
    SITE_RENDER_CONCURRENCY: '1',
    SITE_RENDER_QUEUE: '1',
  })
  admin = await siteAdmin(server.url)
  const found = await get(`/api/articles?where[slug][equals]=${guide.split('/').pop()}&locale=en&depth=0&limit=1`, admin)
  guideId = ((await found.json()) as { docs: { id: number }[] }).docs[0]!.id
})

afterAll(async () => {
  await server?.stop('SIGKILL')
  await proxy?.close()
  build?.remove()
})

describe('a render that hangs', () => {
  it('is cut off: readers get the last good copy of a page served before, a localized 503 for any other', async () => {
    const before = await get(guide)
    expect(before.status).toBe(200)
    const lastGood = await before.text()
    const edit = await fetch(`${server.url}/api/articles/${guideId}?locale=en`, {
      method: 'PATCH',
      headers: json(admin),
      // Any edit will do; translation QA's errors, which would block publishing it, are overridden as an editor may.
      body: JSON.stringify({ summary: 'New Caledonia has a single mobile operator, OPT-NC. Edited while the next render hangs.', translation: { qaOverrideReason: 'A test edit.' } }),
    })
    expect(edit.status).toBe(200)

    await withArticlesLocked(async () => {
      const startedAt = Date.now()
      const stale = await get(guide)
      expect(stale.status).toBe(200)
      expect(stale.headers.get('x-lagon-cache')).toBe('STALE')
      expect(await stale.text()).toBe(lastGood)
      const neverServed = await get('/fr/guides/jamais-servie')
      expect(neverServed.status).toBe(503)
      expect(neverServed.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(await neverServed.text()).toContain('Page momentanément indisponible')
      // Two renders cut off, not two endless waits (the lock is still held).
      expect(Date.now() - startedAt).toBeLessThan(4 * renderTimeoutMs + 3_000)
    })

    // Once the database answers, the page is rendered again, with the edit.
    await waitFor(async () => (await (await get(guide)).text()).includes('Edited while the next render hangs.'), 20_000, () => server.output())
  })
})

describe('with the database unreachable', () => {
  beforeAll(async () => {
    expect((await get('/zh')).status).toBe(200)
    // An edit expires what Next keeps (the site's index among it): pages must be rendered again.
    const edit = await fetch(`${server.url}/api/articles/${guideId}?locale=en`, {
      method: 'PATCH',
      headers: json(admin),
      body: JSON.stringify({ summary: 'New Caledonia has a single mobile operator, OPT-NC. Edited before the database goes away.', translation: { qaOverrideReason: 'A test edit.' } }),
    })
    expect(edit.status).toBe(200)
    await proxy.cut()
  })

  it('still serves every page served before', async () => {
    for (const path of [guide, '/zh']) {
      const response = await get(path)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('<h1')
    }
  })

  it('answers other pages with the locale\'s own 503 page, with Retry-After', async () => {
    const pages = {
      zh: { path: '/zh/guides/cong-wei-fang-wen', text: '暂时无法显示此页面' },
      fr: { path: '/fr/guides/jamais-demandee', text: 'Page momentanément indisponible' },
      en: { path: '/en/guides/never-asked-for', text: 'This page is temporarily unavailable' },
      'zh-Hant': { path: '/zh-hant/guides/cong-wei-fang-wen', text: '暫時無法顯示此頁面' },
    }
    for (const [locale, { path, text }] of Object.entries(pages)) {
      const response = await get(path)
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(response.headers.get('cache-control')).toBe('no-store')
      const html = await response.text()
      expect(html).toContain(text)
      expect(html).toContain(`lang="${bcp47(locale as keyof typeof pages)}"`)
      if (locale !== 'en') expect(html).not.toMatch(/\b(?:unavailable|please|try again|home page)\b/i)
    }
  })

  it('answers the API with 503, Retry-After and a message', async () => {
    for (const headers of [{}, admin]) {
      const response = await get('/api/carriers?locale=fr&depth=0&limit=3', headers)
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
      const body = (await response.json()) as { errors: { message: string }[] }
      expect(body.errors[0]!.message).toMatch(/database is unavailable/)
    }
    expect((await get('/api/health')).status).toBe(503)
  })

  it('recovers by itself once the database is back, without a restart', async () => {
    await proxy.restore()
    await waitFor(async () => (await get('/api/carriers?locale=fr&depth=0&limit=3')).status === 200, 30_000, () => server.output())
    expect((await get('/fr/guides/jamais-demandee')).status).toBe(404)
    const page = await get(guide)
    expect(page.status).toBe(200)
    expect(page.headers.get('x-lagon-cache')).not.toBe('STALE')
  })
})

describe('cold renders beyond the cap (SITE_RENDER_CONCURRENCY=1, SITE_RENDER_QUEUE=1)', () => {
  it('leave hits and the API answering at once; a page served before gets its last copy, the queue bound a 503, never a wait', async () => {
    const lastCopy = await get(guide)
    expect(lastCopy.status).toBe(200)
    const staleText = await lastCopy.text()
    // Expires the guide, so that its next request is a miss with a last copy.
    const edit = await fetch(`${server.url}/api/articles/${guideId}?locale=en`, {
      method: 'PATCH',
      headers: json(admin),
      body: JSON.stringify({ summary: 'New Caledonia has a single mobile operator, OPT-NC. Rendered once a slot is free.', translation: { qaOverrideReason: 'A test edit.' } }),
    })
    expect(edit.status).toBe(200)
    // The edit's expiries may land after its answer (after commit, and within a second on every
    // instance); /fr is rendered once they all have, so that nothing expires it below.
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    // Rendered after the edit: fresh in memory while the renders below hang.
    await get('/fr')
    expect((await get('/fr')).headers.get('x-lagon-cache')).toBe('HIT')

    await withArticlesLocked(async () => {
      // Takes the one render slot, and hangs there until the render timeout.
      const hanging = get('/en/guides/takes-the-slot')
      await new Promise((resolve) => setTimeout(resolve, 300))
      const quick = async (path: string) => {
        const startedAt = Date.now()
        const response = await get(path)
        return { response, text: await response.text(), ms: Date.now() - startedAt }
      }

      const hit = await quick('/fr')
      expect(hit.response.status).toBe(200)
      expect(hit.response.headers.get('x-lagon-cache')).toBe('HIT')
      // Far below the render timeout (1.5 s) a waiting request would take.
      expect(hit.ms).toBeLessThan(renderTimeoutMs / 2)

      const stale = await quick(guide)
      expect(stale.response.status).toBe(200)
      expect(stale.response.headers.get('x-lagon-cache')).toBe('STALE')
      expect(stale.text).toBe(staleText)
      expect(stale.ms).toBeLessThan(renderTimeoutMs / 2)

      // The guide's render now waits in the queue (its one place): a miss for another page is refused.
      const refused = await quick('/fr/guides/file-pleine')
      expect(refused.response.status).toBe(503)
      expect(refused.response.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(refused.text).toContain('Page momentanément indisponible')
      expect(refused.ms).toBeLessThan(renderTimeoutMs / 2)

      const api = await quick('/api/carriers?locale=fr&depth=0&limit=3')
      expect(api.response.status).toBe(200)
      expect(api.ms).toBeLessThan(renderTimeoutMs / 2)

      // The render in the slot is cut off at its timeout: a 503, not an endless wait.
      expect((await hanging).status).toBe(503)
    })

    // The guide's queued render went on once the slot was free; with the lock gone its page is fresh.
    await waitFor(async () => (await (await get(guide)).text()).includes('Rendered once a slot is free.'), 20_000, () => server.output())
  })
})

describe('SIGTERM', () => {
  it('stops accepting connections, finishes the request in flight, then exits 0', async () => {
    const observer = new pg.Client({ connectionString: databaseUrl })
    await observer.connect()
    let exitCode: number | null | undefined
    let inFlight: Promise<Response> | undefined
    await withArticlesLocked(async () => {
      inFlight = get('/api/articles?locale=zh&depth=0&limit=2&sort=title')
      // The request has reached PostgreSQL and waits there for the lock.
      await waitFor(
        async () => {
          const { rows } = await observer.query("select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
          return rows.length > 0
        },
        20_000,
        () => server.output(),
      )
      const stopped = server.stop('SIGTERM').then((code) => (exitCode = code))
      await waitFor(async () => server.output().includes('lagon: stopping'), 10_000, () => server.output())
      await expect(fetch(`${server.url}/api/health`)).rejects.toThrow()
      expect(exitCode).toBeUndefined()
      void stopped
    })
    await observer.end()
    const response = await inFlight!
    expect(response.status).toBe(200)
    expect(((await response.json()) as { docs: unknown[] }).docs.length).toBeGreaterThan(0)
    await waitFor(async () => exitCode !== undefined, 20_000, () => server.output())
    expect(exitCode).toBe(0)
  })
})
