import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

const limit = 5
const partner = 'https://partner.example'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>

beforeAll(async () => {
  // This file's own process: a low limit, one trusted proxy, one allowed origin.
  db = await startPayload('migrated', {
    API_RATE_LIMIT: String(limit),
    API_RATE_LIMIT_WINDOW: '60',
    TRUSTED_PROXIES: '127.0.0.1',
    CORS_ORIGINS: `${partner}, http://localhost:4000`,
  })
  api = await startApiServer()
  await createStaff(db.payload)
  editor = await login(api.url, 'editor@lagon.test', password)
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

/** A request as the trusted proxy forwards it: the client's address last in X-Forwarded-For. */
const from = (client: string, init: RequestInit & { headers?: Record<string, string> } = {}, path = '/api/tips?locale=fr') =>
  fetch(`${api.url}${path}`, { ...init, headers: { ...init.headers, 'x-forwarded-for': client } })

describe('rate limit', () => {
  it('counts each client down in RateLimit headers, then answers 429 with Retry-After', async () => {
    for (let sent = 1; sent <= limit; sent += 1) {
      const response = await from('203.0.113.1')
      expect(response.status).toBe(200)
      expect(response.headers.get('ratelimit-limit')).toBe(String(limit))
      expect(response.headers.get('ratelimit-remaining')).toBe(String(limit - sent))
      expect(response.headers.get('ratelimit-policy')).toBe(`${limit};w=60`)
    }
    const refused = await from('203.0.113.1')
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(refused.headers.get('ratelimit-remaining')).toBe('0')
    expect(refused.headers.get('cache-control')).toBe('private, no-store')
    const body = (await refused.json()) as { errors: { name: string; message: string }[] }
    expect(body.errors[0]!.message).toContain(`${limit} per 60 s`)
    // A client branching on the name tells "wait" from "fix your request".
    expect(body.errors[0]!.name).toBe('TooManyRequests')
  })

  it('keeps clients apart, and trusts only the entry the proxy wrote', async () => {
    for (let sent = 0; sent < limit; sent += 1) await from('203.0.113.2')
    expect((await from('203.0.113.2')).status).toBe(429)
    expect((await from('203.0.113.3')).status).toBe(200)
    // The part a client wrote itself (left of the proxy's entry) does not make it someone else.
    expect((await from('198.51.100.9, 203.0.113.2')).status).toBe(429)
    expect((await from('203.0.113.2, 203.0.113.4')).status).toBe(200)
  })

  it('refuses a write over the limit without writing', async () => {
    const before = (await db.payload.count({ collection: 'tips', overrideAccess: true })).totalDocs
    for (let sent = 0; sent < limit; sent += 1) await from('203.0.113.5')
    const refused = await from('203.0.113.5', {
      method: 'POST',
      headers: json(editor),
      body: JSON.stringify({ title: '超限', destination: 'NC', category: 'cash' }),
    }, '/api/tips?locale=zh')
    expect(refused.status).toBe(429)
    expect((await db.payload.count({ collection: 'tips', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('counts GraphQL requests too', async () => {
    const graphql = () =>
      from('203.0.113.6', { method: 'POST', headers: json(), body: JSON.stringify({ query: '{ Tips { totalDocs } }' }) }, '/api/graphql')
    for (let sent = 0; sent < limit; sent += 1) expect((await graphql()).status).toBe(200)
    expect((await graphql()).status).toBe(429)
  })
})

describe('CORS', () => {
  const preflight = (origin: string) =>
    from('192.0.2.1', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    })

  it('lets an allowed origin through the preflight and the request', async () => {
    const allowed = await preflight(partner)
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(partner)
    expect(allowed.headers.get('access-control-allow-methods')).toContain('GET')
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization')
    const read = await from('192.0.2.2', { headers: { origin: partner } })
    expect(read.headers.get('access-control-allow-origin')).toBe(partner)
    expect(read.headers.get('vary')).toContain('Origin')
  })

  it('gives any other origin no CORS permission', async () => {
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
    const read = await from('192.0.2.3', { headers: { origin: 'https://evil.example' } })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
  })

  it("keeps the allowed origin's CORS headers on answers made before Payload (a 400, a cached read)", async () => {
    const refused = await from('192.0.2.4', { headers: { origin: partner } }, '/api/tips?locale=de')
    expect(refused.status).toBe(400)
    expect(refused.headers.get('access-control-allow-origin')).toBe(partner)
    await from('192.0.2.4', {}, '/api/tips?locale=en')
    const cached = await from('192.0.2.4', { headers: { origin: 'http://localhost:4000' } }, '/api/tips?locale=en')
    expect(cached.headers.get('access-control-allow-origin')).toBe('http://localhost:4000')
  })
})
