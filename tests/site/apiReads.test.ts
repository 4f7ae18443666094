import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { copyOfBuild, serverEnv, startServerProcess, type ServerProcess } from '../helpers/serverProcess'
import { siteAdmin } from '../helpers/site'

/**
 * REST reads are answered by the API's route handler called from Lagon's front, without Next's
 * pipeline (src/server/apiReads.ts). The same requests, sent to the suite's server and to a
 * server of the same build and database that sends every API request through Next
 * (LAGON_API_THROUGH_NEXT=1), get the same status, body and headers: security headers, CORS,
 * caching and ETags, rate-limit headers, error shapes, Next's Vary, gzip (fetch asks for it).
 * tests/apiReads.test.ts shows which requests the front takes.
 */
const site = inject('site')!
let throughNext: ServerProcess
let build: ReturnType<typeof copyOfBuild>
let admin: Record<string, string>

beforeAll(async () => {
  build = copyOfBuild(site.build.dir)
  throughNext = await startServerProcess(build.dir, { ...serverEnv(site.databaseUrl), SITE_URL: site.url, LAGON_API_THROUGH_NEXT: '1', LAGON_JOBS_CRON: 'off' })
  admin = await siteAdmin(site.url)
}, 180_000)
afterAll(async () => {
  await throughNext?.stop()
  build?.remove()
})

/** Headers that describe the connection or the moment, not the answer; the rate limit's counts (both servers count in one database) are compared by name. */
const ofTheMoment = new Set(['date', 'connection', 'keep-alive'])
const counts = /^(?:x-)?ratelimit-(?:remaining|reset)$/

const answerOf = async (base: string, path: string, headers: Record<string, string>) => {
  const response = await fetch(`${base}${path}`, { headers })
  const kept = [...response.headers].filter(([name]) => !ofTheMoment.has(name)).map(([name, value]) => [name, counts.test(name) ? '(count)' : value])
  return { status: response.status, headers: Object.fromEntries(kept), body: await response.text() }
}

const slug = 'nouvelle-caledonie-esim-wechat-alipay'
const cors = { Origin: 'https://integration.example' }

describe('a REST read served by the front', () => {
  it('is answered as Next answers it, for readers, keys, staff and errors', async () => {
    const found = (await (await fetch(`${site.url}/api/articles?where[slug][equals]=${slug}&locale=fr&depth=0`)).json()) as { docs: { id: number }[] }
    const id = found.docs[0]!.id
    const requests: [string, Record<string, string>][] = [
      [`/api/articles?where[slug][equals]=${slug}&locale=fr&depth=0&select[title]=true`, {}],
      [`/api/articles?where[slug][equals]=${slug}&locale=fr&depth=0&select[title]=true`, cors],
      [`/api/articles/${id}?locale=en&depth=0`, {}],
      [`/api/articles?where[slug][equals]=${slug}&locale=fr`, admin],
      [`/api/articles/${id}?locale=fr&depth=0&select[slug]=true`, { ...admin, ...cors }],
      [`/api/articles/${id}?locale=fr&draft=true`, admin],
      ['/api/articles/count?locale=zh', {}],
      ['/api/users/me', admin],
      ['/api/users/me', {}],
      ['/api/articles/999999999?locale=fr', admin],
      ['/api/articles?where[nowhere][equals]=1', {}],
      ['/api/articles?locale=xx', {}],
      ['/api/articles?limit=5000', {}],
      ['/api/no-such-collection', {}],
      ['/api/articles?locale=fr&depth=0&limit=1', { Authorization: 'api-keys API-Key no-such-key-0123456789abcdef' }],
      ['/api/articles?locale=fr&depth=0&limit=1', { Authorization: 'JWT not-a-token' }],
      ['/api/health', {}],
    ]
    for (const [path, headers] of requests) {
      // The front's server first: a read it keeps, Next's server then gets it from its own cache (both are misses the first time).
      const direct = await answerOf(site.url, path, headers)
      const next = await answerOf(throughNext.url, path, headers)
      expect(direct, path).toEqual(next)
    }
  })

  it('answers a kept read’s ETag with a 304, as Next does', async () => {
    const path = `/api/articles?where[slug][equals]=${slug}&locale=fr&depth=0&select[summary]=true`
    const first = await fetch(`${site.url}${path}`)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"/)
    const direct = await answerOf(site.url, path, { 'If-None-Match': etag })
    const next = await answerOf(throughNext.url, path, { 'If-None-Match': etag })
    expect(direct.status).toBe(304)
    expect(direct).toEqual(next)
  })

  it('answers the paths it leaves to Next as Next does', async () => {
    for (const path of ['/api/graphql?query=%7B__typename%7D', '/api/articles/', '/api/articles//1', '/api/openapi.json']) {
      const direct = await fetch(`${site.url}${path}`, { redirect: 'manual' })
      const next = await fetch(`${throughNext.url}${path}`, { redirect: 'manual' })
      expect(direct.status, path).toBe(next.status)
      expect(direct.headers.get('location'), path).toBe(next.headers.get('location'))
    }
  })
})
