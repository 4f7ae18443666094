import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { changeChannel } from '@/freshness/settings'

import { json } from '../helpers/http'
import { startLoadBalancer } from '../helpers/loadBalancer'
import { connectPayload } from '../helpers/payload'
import { publishedCarrier } from '../helpers/content'
import { siteAdmin, within as pollWithin } from '../helpers/site'
import { startSiteServer } from '../setup/site'

/**
 * Two instances of Lagon's production server on one database, behind nginx as a round-robin
 * load balancer: the site's (a) and a second one started here on the same build (b). A change
 * made through either must reach the other's pages and API reads, which each keeps in memory,
 * within a second.
 */
const site = inject('site')!
let a: string
let b: Awaited<ReturnType<typeof startSiteServer>>
let balancer: Awaited<ReturnType<typeof startLoadBalancer>>
let admin: Record<string, string>
let sql: pg.Client
/** What the instances announced to one another (the tags of each change), heard by this test's own listener. */
const announcements: string[][] = []

beforeAll(async () => {
  a = site.url
  b = await startSiteServer(site.build, site.databaseUrl, { publicUrl: site.url })
  balancer = await startLoadBalancer([new URL(a).host, new URL(b.url).host])
  admin = await siteAdmin(a)
  sql = new pg.Client({ connectionString: site.databaseUrl })
  await sql.connect()
  sql.on('notification', ({ payload }) => announcements.push((JSON.parse(payload!) as { tags: string[] }).tags))
  await sql.query(`listen ${changeChannel}`)
  // b's first change loads its listener's path and its routes: not what the bounds below measure.
  const warmUp = await write(a, 'POST', '/api/tips?locale=zh', { title: '预热', destination: 'NC', category: 'other', _status: 'published' })
  await pollWithin(30_000, async () => (await fetch(`${b.url}/api/tips/${warmUp.id}?locale=zh`)).status === 200, 100)
})
afterAll(async () => {
  await sql?.end()
  await balancer?.stop()
  await b?.stop()
})

const page = (origin: string, path: string) => fetch(`${origin}${path}`, { redirect: 'manual' })
const text = async (origin: string, path: string) => (await page(origin, path)).text()

/** Polls often: the bound checked is a second. */
const within = (limitMs: number, check: () => Promise<boolean>) => pollWithin(limitMs, check, 25)

/** Reads `path` twice from `origin`: the second answer comes from the instance's memory. */
const kept = async (origin: string, path: string): Promise<string> => {
  await page(origin, path)
  const again = await page(origin, path)
  expect(again.headers.get('x-lagon-cache'), `${origin}${path}`).toBe('HIT')
  return again.text()
}

const write = async (origin: string, method: 'POST' | 'PATCH', path: string, data: Record<string, unknown>) => {
  const response = await fetch(`${origin}${path}`, { method, headers: json(admin), body: JSON.stringify(data) })
  expect(response.status, await response.clone().text()).toBeLessThan(300)
  return ((await response.json()) as { doc: { id: number } }).doc
}

const block = (blockType: string, fields: Record<string, unknown>, id: string) => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id, blockName: '', blockType, ...fields },
})
const body = (...children: unknown[]) => ({ root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children } })

describe('two instances behind a load balancer', () => {
  it('the balancer spreads requests over both', async () => {
    const upstreams = new Set<string | null>()
    for (let i = 0; i < 4; i += 1) upstreams.add((await fetch(`${balancer.url}/api/health`)).headers.get('x-upstream'))
    expect(upstreams).toEqual(new Set([new URL(a).host, new URL(b.url).host]))
  })

  it("a publish through one is on the other's page and API within a second, and back", async () => {
    const article = await write(a, 'POST', '/api/articles?locale=en&draft=true', {
      title: 'Two instances',
      slug: 'two-instances',
      destination: 'NC',
      _status: 'draft',
    })
    const apiRead = `/api/articles?where[slug][equals]=two-instances&locale=en&depth=0`
    const titles = async (origin: string) =>
      ((await (await fetch(`${origin}${apiRead}`)).json()) as { docs: { title: string }[] }).docs.map((doc) => doc.title)
    // b keeps its (empty) answer and the English home page in memory.
    expect(await titles(b.url)).toEqual([])
    expect(await titles(b.url)).toEqual([])
    expect(await kept(b.url, '/en')).not.toContain('Two instances')

    await write(a, 'PATCH', `/api/articles/${article.id}?locale=en`, { _status: 'published' })
    await within(1000, async () => (await titles(b.url)).length === 1)
    // The page is rendered on its first request: the bound is a second, as for the API.
    await within(1000, async () => (await page(b.url, '/en/guides/two-instances')).status === 200)
    expect(await titles(b.url)).toEqual(['Two instances'])
    expect(await text(b.url, '/en')).toContain('Two instances')

    // An edit through b reaches a's page, which a kept in memory.
    expect(await kept(a, '/en/guides/two-instances')).toContain('Two instances')
    await write(b.url, 'PATCH', `/api/articles/${article.id}?locale=en`, { title: 'Two instances, edited' })
    await within(1000, async () => (await text(a, '/en/guides/two-instances')).includes('Two instances, edited'))
    expect(await titles(a)).toEqual(['Two instances, edited'])
    for (let i = 0; i < 4; i += 1) expect(await text(balancer.url, '/en/guides/two-instances')).toContain('Two instances, edited')
  })

  it('an edit of one guide leaves the other pages each instance keeps', async () => {
    await write(a, 'POST', '/api/articles?locale=en', { title: 'Untouched guide', slug: 'untouched-guide', destination: 'NC', _status: 'published' })
    const edited = await write(a, 'POST', '/api/articles?locale=en', {
      title: 'Edited guide',
      slug: 'edited-guide',
      destination: 'NC',
      _status: 'published',
    })
    await within(1000, async () => (await page(b.url, '/en/guides/untouched-guide')).status === 200)
    await kept(b.url, '/en/guides/untouched-guide')
    await kept(b.url, '/en/guides/edited-guide')
    await write(a, 'PATCH', `/api/articles/${edited.id}?locale=en`, { summary: 'A new summary' })
    await within(1000, async () => (await page(b.url, '/en/guides/edited-guide')).headers.get('x-lagon-cache') === 'MISS')
    expect((await page(b.url, '/en/guides/untouched-guide')).headers.get('x-lagon-cache')).toBe('HIT')
  })

  it('a carrier edit reaches, on both instances, the guide that embeds it', async () => {
    const carrier = await write(a, 'POST', '/api/carriers?locale=en', publishedCarrier('Lagoon Mobile'))
    await write(a, 'POST', '/api/articles?locale=en', {
      title: 'Guide with a carrier',
      slug: 'guide-with-a-carrier',
      destination: 'NC',
      body: body(block('carrierEmbed', { carrier: carrier.id }, 'carrier-block-instances')),
      _status: 'published',
    })
    const path = '/en/guides/guide-with-a-carrier'
    await within(1000, async () => (await page(b.url, path)).status === 200)
    expect(await kept(a, path)).toContain('Lagoon Mobile')
    expect(await kept(b.url, path)).toContain('Lagoon Mobile')

    await write(balancer.url, 'PATCH', `/api/carriers/${carrier.id}?locale=en`, { name: 'Lagoon Mobile Plus' })
    await within(1000, async () => (await text(a, path)).includes('Lagoon Mobile Plus'))
    await within(1000, async () => (await text(b.url, path)).includes('Lagoon Mobile Plus'))
  })

  it('a media alt change reaches, on both instances, the pages that show it', async () => {
    const sharp = (await import('sharp')).default
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'instances-test.png')
    form.append('_payload', JSON.stringify({ alt: 'A sunset over the reef' }))
    const upload = await fetch(`${a}/api/media?locale=en`, { method: 'POST', headers: admin, body: form })
    expect(upload.status).toBe(201)
    const media = ((await upload.json()) as { doc: { id: number } }).doc
    await write(a, 'POST', '/api/articles?locale=en', {
      title: 'Guide with a picture',
      slug: 'guide-with-a-picture',
      destination: 'NC',
      body: body({ type: 'upload', version: 3, format: '', relationTo: 'media', value: media.id, fields: null, id: 'bbbbbbbbbbbbbbbbbbbbbbbb' }),
      _status: 'published',
    })
    const path = '/en/guides/guide-with-a-picture'
    await within(1000, async () => (await page(b.url, path)).status === 200)
    expect(await kept(a, path)).toContain('A sunset over the reef')
    expect(await kept(b.url, path)).toContain('A sunset over the reef')

    await write(b.url, 'PATCH', `/api/media/${media.id}?locale=en`, { alt: 'A sunrise over the reef' })
    await within(1000, async () => (await text(a, path)).includes('A sunrise over the reef'))
    await within(1000, async () => (await text(b.url, path)).includes('A sunrise over the reef'))
  })

  it('a scheduled publication runs once, on the one instance that runs jobs, and reaches both instances', async () => {
    // One backend holds the jobs lock: a listener connection of one of the two instances.
    const holders = await sql.query<{ application_name: string }>(
      `select application_name from pg_locks join pg_stat_activity using (pid)
       where locktype = 'advisory' and granted and objid = hashtext('lagon:jobs-runner')::oid and datname = current_database()`,
    )
    expect(holders.rows).toEqual([{ application_name: 'lagon-changes' }])

    const tip = await write(a, 'POST', '/api/tips?locale=zh', {
      title: '两台服务器',
      destination: 'NC',
      category: 'other',
      sourceLocale: 'zh',
      _status: 'published',
    })
    await write(a, 'PATCH', `/api/tips/${tip.id}?locale=fr&draft=true`, { title: 'Publié une seule fois' })
    await kept(a, '/fr/tips')
    await kept(b.url, '/fr/tips')
    const publications = () => announcements.filter((tags) => tags.includes(`tips:${tip.id}:fr`) && tags.includes(`tips:${tip.id}`))
    const before = publications().length

    // Queued as the admin's schedule button does, by a Payload of this test's own that runs no jobs.
    const { payload, close } = await connectPayload(site.databaseUrl, { LAGON_JOBS_CRON: 'off' })
    try {
      await payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'publish', locale: 'fr', doc: { relationTo: 'tips', value: tip.id } },
        waitUntil: new Date(Date.now() - 1_000),
      })
    } finally {
      await close()
    }
    // Both instances' job timers fire every 5 s; only the one holding the jobs lock runs jobs.
    await within(12_000, async () => (await text(a, '/fr/tips')).includes('Publié une seule fois'))
    await within(1000, async () => (await text(b.url, '/fr/tips')).includes('Publié une seule fois'))
    // Two more ticks of both timers: a job run twice would have published, and announced, twice.
    await new Promise((resolve) => setTimeout(resolve, 10_000))
    expect(publications().length).toBe(before + 1)
  })
})
