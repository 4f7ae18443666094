import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { waitFor } from './helpers/ports'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let admin: Record<string, string>
let editor: Record<string, string>
let adminId: number
let publishedId: number
let draftId: number

const keyHeader = (key: string) => ({ Authorization: `api-keys API-Key ${key}` })
const keys = {
  read: 'read-key-0123456789abcdef0123456789abcdef',
  drafts: 'drafts-key-0123456789abcdef0123456789abcdef',
  revoked: 'revoked-key-0123456789abcdef0123456789abcdef',
}
const keyIds: Record<keyof typeof keys, number> = { read: 0, drafts: 0, revoked: 0 }

const createKey = (name: string, apiKey: string, scope: 'read' | 'read-drafts', auth = admin) =>
  fetch(`${api.url}/api/api-keys`, {
    method: 'POST',
    headers: json(auth),
    body: JSON.stringify({ name, scope, enableAPIKey: true, apiKey }),
  })

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  adminId = (await createStaff(db.payload)).admin.id
  admin = await login(api.url, 'admin@lagon.test', password)
  editor = await login(api.url, 'editor@lagon.test', password)
  const published = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: { title: '已发布', destination: 'NC', _status: 'published' },
  })
  publishedId = published.id
  await db.payload.update({ collection: 'articles', id: publishedId, locale: 'zh', draft: true, data: { title: '尚未发布的修改' } })
  draftId = (
    await db.payload.create({ collection: 'articles', locale: 'zh', draft: true, data: { title: '草稿', destination: 'NC', _status: 'draft' } })
  ).id
  for (const [which, scope] of [['read', 'read'], ['drafts', 'read-drafts'], ['revoked', 'read']] as const) {
    const response = await createKey(which, keys[which], scope)
    expect(response.status).toBe(201)
    keyIds[which] = ((await response.json()) as { doc: { id: number } }).doc.id
  }
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const titles = async (path: string, headers: Record<string, string>) => {
  const response = await fetch(`${api.url}${path}`, { headers })
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: { title: string }[] }).docs.map((doc) => doc.title).sort()
}

describe('managing keys', () => {
  it('only admins create or list keys; the key itself is never shown again, its maker is recorded', async () => {
    expect((await createKey('editor key', 'editor-key-0123456789abcdef0123456789abc', 'read', editor)).status).toBe(403)
    expect((await fetch(`${api.url}/api/api-keys`, { headers: editor })).status).toBe(403)
    const response = await fetch(`${api.url}/api/api-keys/${keyIds.read}`, { headers: admin })
    const key = (await response.json()) as Record<string, unknown>
    expect(key).toMatchObject({ name: 'read', scope: 'read', revoked: false, createdBy: { id: adminId } })
    expect(JSON.stringify(key)).not.toContain(keys.read)
  })

  it('a key cannot read or manage keys', async () => {
    expect((await fetch(`${api.url}/api/api-keys`, { headers: keyHeader(keys.read) })).status).toBe(403)
    expect((await createKey('self-made', 'self-made-0123456789abcdef0123456789abc', 'read-drafts', keyHeader(keys.read))).status).toBe(403)
  })
})

describe('a read key', () => {
  it('reads published content, never a draft, even with draft=true', async () => {
    expect(await titles('/api/articles?locale=zh', keyHeader(keys.read))).toEqual(['已发布'])
    expect(await titles('/api/articles?locale=zh&draft=true', keyHeader(keys.read))).toEqual(['已发布'])
    expect((await fetch(`${api.url}/api/articles/${draftId}`, { headers: keyHeader(keys.read) })).status).toBe(404)
  })

  it('cannot write or delete anything: 403', async () => {
    const headers = json(keyHeader(keys.read))
    const attempts = [
      fetch(`${api.url}/api/tips`, { method: 'POST', headers, body: JSON.stringify({ title: '新贴士', destination: 'NC' }) }),
      fetch(`${api.url}/api/articles/${publishedId}`, { method: 'PATCH', headers, body: JSON.stringify({ title: '改' }) }),
      fetch(`${api.url}/api/articles/${publishedId}`, { method: 'DELETE', headers }),
      fetch(`${api.url}/api/users/${adminId}`, { method: 'PATCH', headers, body: JSON.stringify({ name: 'x' }) }),
    ]
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403)
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toBeTruthy()
    }
    const drafts = json(keyHeader(keys.drafts))
    const draftsKeyDelete = await fetch(`${api.url}/api/articles/${publishedId}`, { method: 'DELETE', headers: drafts })
    expect(draftsKeyDelete.status).toBe(403)
    const article = await db.payload.findByID({ collection: 'articles', id: publishedId, locale: 'zh' })
    expect(article.title).toBe('已发布')
  })

  it("cannot write through Payload's own endpoints that skip access rules, nor through GraphQL", async () => {
    const headers = json(keyHeader(keys.read))
    const preferences = await fetch(`${api.url}/api/payload-preferences/nav`, { method: 'POST', headers, body: JSON.stringify({ value: { open: true } }) })
    expect(preferences.status).toBe(403)
    expect(await db.payload.count({ collection: 'payload-preferences' })).toEqual({ totalDocs: 0 })
    expect((await fetch(`${api.url}/api/api-keys/refresh-token`, { method: 'POST', headers })).status).toBe(403)
    const tipsBefore = await db.payload.count({ collection: 'tips' })
    const mutation = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: 'mutation { createTip(data: { title: "键写的", destination: "NC" }) { id } }' }),
    })
    expect(mutation.status).toBe(403)
    expect(await db.payload.count({ collection: 'tips' })).toEqual(tipsBefore)
  })

  it("may still send a long query as POST with Payload's method override", async () => {
    const response = await fetch(`${api.url}/api/articles`, {
      method: 'POST',
      headers: { ...keyHeader(keys.read), 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
      body: 'locale=zh&depth=0',
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { docs: { title: string }[] }).docs.map((doc) => doc.title)).toEqual(['已发布'])
  })

  it('cannot read accounts, over REST or GraphQL', async () => {
    expect((await fetch(`${api.url}/api/users`, { headers: keyHeader(keys.drafts) })).status).toBe(403)
    expect((await fetch(`${api.url}/api/users/${adminId}`, { headers: keyHeader(keys.drafts) })).status).toBe(403)
    // A key's id may equal an account's: "self" access must not match it.
    expect((await fetch(`${api.url}/api/users/${keyIds.drafts}`, { headers: keyHeader(keys.drafts) })).status).not.toBe(200)
    const graphql = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: json(keyHeader(keys.drafts)),
      body: JSON.stringify({ query: '{ Users { docs { email } } }' }),
    })
    const body = (await graphql.json()) as { data?: { Users?: unknown }; errors?: unknown[] }
    expect(body.data?.Users ?? null).toBeNull()
    expect(body.errors?.length).toBeGreaterThan(0)
  })
})

describe('a read-drafts key', () => {
  it('reads drafts only when it asks for them with draft=true', async () => {
    expect(await titles('/api/articles?locale=zh', keyHeader(keys.drafts))).toEqual(['已发布'])
    expect(await titles('/api/articles?locale=zh&draft=true', keyHeader(keys.drafts))).toEqual(['尚未发布的修改', '草稿'])
    const one = await fetch(`${api.url}/api/articles/${draftId}?draft=true&locale=zh`, { headers: keyHeader(keys.drafts) })
    expect(((await one.json()) as { title: string }).title).toBe('草稿')
  })
})

describe('refused keys', () => {
  it('an unknown key gets 401, not the anonymous view', async () => {
    const response = await fetch(`${api.url}/api/articles`, { headers: keyHeader('no-such-key-0123456789abcdef0123456789') })
    expect(response.status).toBe(401)
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/API key/)
  })

  it('a revoked key gets 401 over REST and GraphQL, once an admin revokes it', async () => {
    expect((await fetch(`${api.url}/api/articles`, { headers: keyHeader(keys.revoked) })).status).toBe(200)
    const revoke = await fetch(`${api.url}/api/api-keys/${keyIds.revoked}`, {
      method: 'PATCH',
      headers: json(admin),
      body: JSON.stringify({ revoked: true }),
    })
    expect(revoke.status).toBe(200)
    expect((await fetch(`${api.url}/api/articles`, { headers: keyHeader(keys.revoked) })).status).toBe(401)
    expect((await fetch(`${api.url}/api/tips/1`, { headers: keyHeader(keys.revoked) })).status).toBe(401)
    const graphql = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: json(keyHeader(keys.revoked)),
      body: JSON.stringify({ query: '{ Articles { docs { id } } }' }),
    })
    const body = (await graphql.json()) as { data?: { Articles?: unknown }; errors?: { message: string }[] }
    expect(body.data?.Articles ?? null).toBeNull()
    expect(body.errors?.[0]?.message).toMatch(/API key/)
  })
})

describe('attribution', () => {
  it('counts each keyed request once, even when it populates relationships, and records when', async () => {
    // Counts of the file's earlier requests may still be waiting for their flush (every 2 s):
    // start from a count that no longer moves.
    const countNow = async () => (await db.payload.findByID({ collection: 'api-keys', id: keyIds.read })).requestCount ?? 0
    let settled = -1
    for (let now = await countNow(); now !== settled; now = await countNow()) {
      settled = now
      await new Promise((resolve) => setTimeout(resolve, 2_500))
    }
    const before = { requestCount: settled }
    const started = Date.now()
    for (let i = 0; i < 3; i += 1) {
      expect((await fetch(`${api.url}/api/articles?depth=2`, { headers: keyHeader(keys.read) })).status).toBe(200)
    }
    let seen = before.requestCount ?? 0
    // Counts are written every 2 s (src/api/keyAttribution.ts); the margin is for a loaded machine.
    await waitFor(
      async () => (seen = (await db.payload.findByID({ collection: 'api-keys', id: keyIds.read })).requestCount ?? 0) === (before.requestCount ?? 0) + 3,
      10_000,
      () => `the request count (${seen - (before.requestCount ?? 0)} of 3)`,
    )
    const after = await db.payload.findByID({ collection: 'api-keys', id: keyIds.read })
    expect(new Date(after.lastUsedAt!).getTime()).toBeGreaterThanOrEqual(started - 1000)
  })

  it('keys cannot set their own counters through the API', async () => {
    const response = await fetch(`${api.url}/api/api-keys/${keyIds.drafts}`, {
      method: 'PATCH',
      headers: json(admin),
      body: JSON.stringify({ requestCount: 1000, lastUsedAt: '2000-01-01T00:00:00.000Z' }),
    })
    expect(response.status).toBe(200)
    const key = await db.payload.findByID({ collection: 'api-keys', id: keyIds.drafts })
    expect(key.requestCount).not.toBe(1000)
    expect(key.lastUsedAt).not.toBe('2000-01-01T00:00:00.000Z')
  })
})
