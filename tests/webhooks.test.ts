import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Webhook, WebhookDelivery } from '@/payload-types'
import { eventsBetween } from '@/webhooks/events'
import { verifyWebhook } from '@/webhooks/verify'

import { login, startApiServer } from './helpers/apiServer'
import { errorPaths, json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { freePort, waitFor } from './helpers/ports'
import { createStaff, password } from './helpers/users'
import { startWebhookReceiver } from './helpers/webhookReceiver'

/** The production timeout; only the cron and the backoff are shortened for the tests. */
const deliveryTimeoutMs = 5000

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let admin: Record<string, string>
let editor: Record<string, string>

beforeAll(async () => {
  db = await startPayload('migrated', {
    LAGON_JOBS_CRON: '* * * * * *',
    WEBHOOK_RETRY_DELAY_MS: '300',
    WEBHOOK_TIMEOUT_MS: String(deliveryTimeoutMs),
    // The receiver runs on this machine (tests/webhookAddresses.test.ts checks the refusal).
    WEBHOOK_ALLOW_PRIVATE: 'true',
  })
  api = await startApiServer()
  receiver = await startWebhookReceiver()
  await createStaff(db.payload)
  // Signing in goes through the route handlers, which start Payload's job cron as `next start` does.
  admin = await login(api.url, 'admin@lagon.test', password)
  editor = await login(api.url, 'editor@lagon.test', password)
})
afterAll(async () => {
  await receiver?.close()
  await api?.close()
  await db?.close()
})

type Collection = 'articles' | 'tips'

const rest = async (method: string, path: string, auth: Record<string, string>, body?: unknown) => {
  const response = await fetch(`${api.url}/api${path}`, {
    method,
    headers: json(auth),
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { doc?: { id: number } } }
}

const createWebhook = async (data: Partial<Webhook>): Promise<Webhook> => {
  const { status, body } = await rest('POST', '/webhooks', admin, { name: 'receiver', ...data })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.doc as unknown as Webhook
}

const deactivate = (...webhooks: Webhook[]) =>
  Promise.all(webhooks.map((webhook) => rest('PATCH', `/webhooks/${webhook.id}`, admin, { active: false })))

/** An editor's save over REST, as the admin makes it: `?draft=true` for drafts, `&autosave=true` for autosaves. */
const save = async (
  collection: Collection,
  id: number | null,
  data: Record<string, unknown>,
  { locale = 'zh', draft = false, autosave = false } = {},
): Promise<number> => {
  const query = new URLSearchParams({ locale, ...(draft ? { draft: 'true' } : {}), ...(autosave ? { autosave: 'true' } : {}) })
  const { status, body } = await rest(id ? 'PATCH' : 'POST', `/${collection}${id ? `/${id}` : ''}?${query}`, editor, data)
  expect(status, JSON.stringify(body)).toBe(id ? 200 : 201)
  return body.doc!.id
}

const deliveriesOf = async (webhook: Webhook): Promise<WebhookDelivery[]> =>
  (
    await db.payload.find({
      collection: 'webhook-deliveries',
      where: { webhook: { equals: webhook.id } },
      sort: 'id',
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs

const eventsOf = async (webhook: Webhook): Promise<string[]> =>
  (await deliveriesOf(webhook)).map(({ collectionSlug, event, locale }) => `${collectionSlug} ${event} ${locale}`)

/** Events as the receiver got them, from the bodies it verified, sorted: deliveries run in parallel, in no set order. */
const receivedEvents = (path: string, secret: string): string[] =>
  receiver.received(path).map(({ body, headers }) => {
    expect(verifyWebhook({ secret, body, header: headers['lagon-signature'] as string }).ok).toBe(true)
    const { collection, event, locale } = JSON.parse(body) as Record<string, string>
    return `${collection} ${event} ${locale}`
  }).sort()

/** Every queued job has run to its end (delivered, or retries used up). */
const queueDrained = async () =>
  (
    await db.payload.count({
      collection: 'payload-jobs',
      where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      overrideAccess: true,
    })
  ).totalDocs === 0

const waitForQueue = () => waitFor(queueDrained, 30_000, () => 'the jobs queue to drain')

describe('delivery', () => {
  it('sends a signed publish event the receiver verifies; a tampered body, another secret or an old timestamp fail', async () => {
    const webhook = await createWebhook({ url: receiver.url('/signed'), events: ['published'] })
    expect(webhook.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    const id = await save('articles', null, { title: '签名测试', destination: 'NC', _status: 'published' })

    await waitFor(async () => receiver.received('/signed').length === 1, 20_000, () => 'the delivery')
    const [request] = receiver.received('/signed')
    const body = JSON.parse(request!.body) as { id: string; event: string; collection: string; locale: string; document: { id: number; title: string } }
    expect(body).toMatchObject({ event: 'published', collection: 'articles', locale: 'zh', document: { id, title: '签名测试' } })
    expect(request!.headers['lagon-event']).toBe('published')
    expect(request!.headers['lagon-delivery']).toBe(body.id)
    const header = request!.headers['lagon-signature'] as string
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)

    const secret = webhook.secret!
    expect(verifyWebhook({ secret, body: request!.body, header })).toMatchObject({ ok: true })
    expect(verifyWebhook({ secret, body: request!.body.replace('签名测试', '篡改'), header })).toEqual({ ok: false, reason: 'signature mismatch' })
    expect(verifyWebhook({ secret: 'whsec_other', body: request!.body, header }).ok).toBe(false)
    expect(verifyWebhook({ secret, body: request!.body, header, now: Date.now() + 6 * 60_000 })).toEqual({
      ok: false,
      reason: 'timestamp outside the tolerance',
    })

    await waitFor(async () => (await deliveriesOf(webhook))[0]?.status === 'delivered', 10_000, () => 'the log')
    const [logged] = await deliveriesOf(webhook)
    expect(logged).toMatchObject({ deliveryId: body.id, statusCode: 200, attempts: 1, documentId: String(id), lastError: null })
    expect(logged!.deliveredAt).toBeTruthy()
    await deactivate(webhook)
  })

  it('signs with the new secret once an admin rotates it, and never takes a secret from the request', async () => {
    const webhook = await createWebhook({ url: receiver.url('/rotated'), events: ['published'] })
    const kept = await rest('PATCH', `/webhooks/${webhook.id}`, admin, { secret: 'chosen-by-client' })
    expect((kept.body.doc as unknown as Webhook).secret).toBe(webhook.secret)
    const rotated = (await rest('PATCH', `/webhooks/${webhook.id}`, admin, { rotateSecret: true })).body.doc as unknown as Webhook
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(webhook.secret)

    await save('tips', null, { title: '换钥', destination: 'NC', _status: 'published' })
    await waitFor(async () => receiver.received('/rotated').length === 1, 20_000, () => 'the delivery')
    const [request] = receiver.received('/rotated')
    const header = request!.headers['lagon-signature'] as string
    expect(verifyWebhook({ secret: rotated.secret!, body: request!.body, header }).ok).toBe(true)
    expect(verifyWebhook({ secret: webhook.secret!, body: request!.body, header }).ok).toBe(false)
    await deactivate(webhook)
  })

  it('retries after a 500 with the same delivery id, then delivers, and logs the attempts', async () => {
    receiver.answer('/flaky', (nth) => (nth === 0 ? 500 : 200))
    const webhook = await createWebhook({ url: receiver.url('/flaky'), events: ['published'] })
    await save('tips', null, { title: '重试', destination: 'NC', _status: 'published' })

    await waitFor(async () => (await deliveriesOf(webhook))[0]?.status === 'delivered', 30_000, () => 'the retried delivery')
    const requests = receiver.received('/flaky')
    expect(requests).toHaveLength(2)
    expect(requests[1]!.headers['lagon-delivery']).toBe(requests[0]!.headers['lagon-delivery'])
    expect(requests[1]!.body).toBe(requests[0]!.body)
    for (const { body, headers } of requests) {
      expect(verifyWebhook({ secret: webhook.secret!, body, header: headers['lagon-signature'] as string }).ok).toBe(true)
    }
    const [logged] = await deliveriesOf(webhook)
    expect(logged).toMatchObject({ attempts: 2, statusCode: 200, lastError: null })
    await deactivate(webhook)
  })
})

describe('events', () => {
  it('fire exactly once: nothing for a re-save without change, a draft or an autosave', async () => {
    const webhook = await createWebhook({ url: receiver.url('/once'), events: ['published', 'unpublished', 'updated', 'deleted'] })
    const id = await save('tips', null, { title: '一次', destination: 'NC', _status: 'published' })
    expect(await eventsOf(webhook)).toEqual(['tips published zh'])

    await save('tips', id, { title: '一次', destination: 'NC', _status: 'published' })
    await save('tips', id, { title: '自动保存的修改' }, { draft: true, autosave: true })
    await save('tips', id, { title: '草稿的修改' }, { draft: true })
    expect(await eventsOf(webhook)).toEqual(['tips published zh'])

    // The draft is published: its content is what readers now see.
    await save('tips', id, { title: '草稿的修改', _status: 'published' })
    await save('tips', id, { _status: 'draft' })
    expect(await eventsOf(webhook)).toEqual(['tips published zh', 'tips updated zh', 'tips unpublished zh'])

    await waitForQueue()
    expect(receivedEvents('/once', webhook.secret!)).toEqual((await eventsOf(webhook)).sort())
    const ids = receiver.received('/once').map(({ headers }) => headers['lagon-delivery'])
    expect(new Set(ids).size).toBe(3)
    await deactivate(webhook)
  })

  it('are per locale: a translation published, an edit in one locale, a shared field, a delete', async () => {
    const webhook = await createWebhook({ url: receiver.url('/locales'), events: ['published', 'unpublished', 'updated', 'deleted'] })
    const id = await save('articles', null, { title: '多语言', destination: 'NC', _status: 'published' })
    // No English title yet: English readers get no page of their own, so nothing is published in en.
    expect(await eventsOf(webhook)).toEqual(['articles published zh'])

    // Publishing is per locale: an English save publishes English only when it says so.
    await save('articles', id, { title: 'Multilingual' }, { locale: 'en' })
    expect(await eventsOf(webhook)).toEqual(['articles published zh'])
    await save('articles', id, { title: 'Multilingual', _status: 'published' }, { locale: 'en' })
    await save('articles', id, { title: 'Multilingual, edited', _status: 'published' }, { locale: 'en' })
    // A shared field changes what readers of every published locale see.
    await save('articles', id, { destination: 'PF', _status: 'published' })
    const { status } = await rest('DELETE', `/articles/${id}`, admin)
    expect(status).toBe(200)
    expect(await eventsOf(webhook)).toEqual([
      'articles published zh',
      'articles published en',
      'articles updated en',
      'articles updated zh',
      'articles updated en',
      'articles deleted zh',
      'articles deleted en',
    ])
    await waitForQueue()
    expect(receivedEvents('/locales', webhook.secret!)).toEqual((await eventsOf(webhook)).sort())
    await deactivate(webhook)
  })

  it('come from scheduled publishing too, which the server job runner now carries out', async () => {
    const webhook = await createWebhook({ url: receiver.url('/scheduled'), events: ['published'] })
    const id = await save('articles', null, { title: '定时发布', destination: 'NC', _status: 'draft' }, { draft: true })
    expect(await eventsOf(webhook)).toEqual([])
    // What the admin's "schedule publish" queues.
    await db.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: id } },
      waitUntil: new Date(Date.now() + 1000),
    })
    await waitFor(async () => receiver.received('/scheduled').length === 1, 20_000, () => 'the scheduled publication')
    expect(receivedEvents('/scheduled', webhook.secret!)).toEqual(['articles published zh'])
    expect((await fetch(`${api.url}/api/articles/${id}?locale=zh`)).status).toBe(200)
    await deactivate(webhook)
  })

  it('reach only the endpoints whose collection, event and locale filters match', async () => {
    const all = ['published', 'unpublished', 'updated', 'deleted'] as const
    const tipsOnly = await createWebhook({ url: receiver.url('/tips-only'), events: [...all], collections: ['tips'] })
    const unpublishedOnly = await createWebhook({ url: receiver.url('/unpublished-only'), events: ['unpublished'] })
    const frenchOnly = await createWebhook({ url: receiver.url('/fr-only'), events: [...all], locales: ['fr'] })
    const inactive = await createWebhook({ url: receiver.url('/inactive'), events: [...all], active: false })

    const article = await save('articles', null, { title: '筛选', destination: 'NC', _status: 'published' })
    await save('articles', article, { title: 'Filtres', _status: 'published' }, { locale: 'fr' })
    await save('tips', null, { title: '筛选提示', destination: 'NC', _status: 'published' })
    await save('articles', article, { _status: 'draft' })
    await save('articles', article, { _status: 'draft' }, { locale: 'fr' })

    expect(await eventsOf(tipsOnly)).toEqual(['tips published zh'])
    expect(await eventsOf(unpublishedOnly)).toEqual(['articles unpublished zh', 'articles unpublished fr'])
    expect(await eventsOf(frenchOnly)).toEqual(['articles published fr', 'articles unpublished fr'])
    expect(await eventsOf(inactive)).toEqual([])

    await waitForQueue()
    expect(receivedEvents('/tips-only', tipsOnly.secret!)).toEqual(['tips published zh'])
    expect(receivedEvents('/unpublished-only', unpublishedOnly.secret!)).toEqual(['articles unpublished fr', 'articles unpublished zh'])
    expect(receivedEvents('/fr-only', frenchOnly.secret!)).toEqual(['articles published fr', 'articles unpublished fr'])
    expect(receiver.received('/inactive')).toEqual([])
    await deactivate(tipsOnly, unpublishedOnly, frenchOnly)
  })

  it('are computed per locale from stored rows, whether the status is document-wide or per locale', () => {
    const row = (status: unknown, title: Record<string, string>) => ({ id: 1, _status: status, title, destination: 'NC' })
    // Per-locale publishing (Payload's localizeStatus) stores `_status` by locale.
    const before = row({ zh: 'published', en: 'draft', fr: 'draft' }, { zh: '标题', en: 'Title' })
    const after = row({ zh: 'published', en: 'published', fr: 'draft' }, { zh: '标题', en: 'Title' })
    expect(eventsBetween('articles', before, after)).toEqual([{ event: 'published', locale: 'en' }])
    expect(eventsBetween('articles', after, { ...after, title: { zh: '新标题', en: 'Title' } })).toEqual([{ event: 'updated', locale: 'zh' }])
    expect(eventsBetween('articles', row('published', { zh: '标题' }), row('published', { zh: '标题' }))).toEqual([])
    expect(eventsBetween('articles', row('draft', { zh: '标题' }), null)).toEqual([])
  })
})

describe('a dead receiver', () => {
  it('neither slows the save nor undoes it, whether its port is closed or it never answers', async () => {
    receiver.answer('/hangs', () => 'hang')
    const closed = await createWebhook({ url: `http://127.0.0.1:${await freePort()}/closed`, events: ['published'] })
    const hanging = await createWebhook({ url: receiver.url('/hangs'), events: ['published'] })

    const started = performance.now()
    const id = await save('articles', null, { title: '收不到', destination: 'NC', _status: 'published' })
    const saveMs = performance.now() - started
    // A save that waited for the hanging receiver would take the whole delivery timeout.
    expect(saveMs).toBeLessThan(deliveryTimeoutMs / 2)

    const logged = async (webhook: Webhook) => (await deliveriesOf(webhook))[0]
    await waitFor(async () => Boolean((await logged(closed))?.lastError), 20_000, () => 'the closed port attempt')
    expect(await logged(closed)).toMatchObject({ status: 'retrying', statusCode: null })
    expect((await logged(closed))!.lastError).toMatch(/ECONNREFUSED/)
    await waitFor(async () => Boolean((await logged(hanging))?.lastError), 20_000, () => 'the hanging attempt')
    expect((await logged(hanging))!.lastError).toBe(`No answer within ${deliveryTimeoutMs} ms.`)
    expect(receiver.received('/hangs').length).toBeGreaterThan(0)

    const published = await fetch(`${api.url}/api/articles/${id}?locale=zh`)
    expect(published.status).toBe(200)
    expect(((await published.json()) as { title: string }).title).toBe('收不到')

    // Paused by an admin: the retry still queued is cancelled, not sent.
    await deactivate(closed, hanging)
    await waitFor(async () => (await logged(closed))?.status === 'cancelled', 20_000, () => 'the cancelled retry')
  })
})

describe('access', () => {
  const graphql = async (auth: Record<string, string>) => {
    const response = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: json(auth),
      body: JSON.stringify({ query: '{ Webhooks { docs { id secret } } WebhookDeliveries { docs { id } } }' }),
    })
    return (await response.json()) as { data?: Record<string, unknown> | null }
  }

  it('only admins read or write webhooks and their deliveries; nobody else sees a secret', async () => {
    const webhook = await createWebhook({ url: receiver.url('/access'), events: ['deleted'] })
    for (const auth of [editor, {}]) {
      expect((await rest('GET', '/webhooks', auth)).status).toBe(403)
      const one = await rest('GET', `/webhooks/${webhook.id}`, auth)
      expect(one.status).toBe(403)
      expect(JSON.stringify(one.body)).not.toContain(webhook.secret)
      expect((await rest('POST', '/webhooks', auth, { name: 'x', url: 'https://example.com', events: ['published'] })).status).toBe(403)
      expect((await rest('PATCH', `/webhooks/${webhook.id}`, auth, { url: 'https://example.com' })).status).toBe(403)
      expect((await rest('GET', '/webhook-deliveries', auth)).status).toBe(403)
      // Running the queue by hand (Payload's endpoint) is refused too: 401, Payload's answer there.
      expect([401, 403]).toContain((await rest('GET', '/payload-jobs/run', auth)).status)
      const result = await graphql(auth)
      expect(result.data?.Webhooks ?? null).toBeNull()
      expect(result.data?.WebhookDeliveries ?? null).toBeNull()
      expect(JSON.stringify(result)).not.toContain(webhook.secret)
    }
    const read = await rest('GET', `/webhooks/${webhook.id}`, admin)
    expect(read.body.secret).toBe(webhook.secret)
    // The same GraphQL query answers an admin: the refusals above are access, not a bad query.
    const asAdmin = (await graphql(admin)) as { data: { Webhooks: { docs: { secret: string }[] } } }
    expect(asAdmin.data.Webhooks.docs.map((doc) => doc.secret)).toContain(webhook.secret)
    // The log is Lagon's record: not even an admin writes it.
    expect((await rest('POST', '/webhook-deliveries', admin, { deliveryId: 'x' })).status).toBe(403)
  })

  it('refuses an endpoint that is not http(s), or without events, naming the field', async () => {
    const ftp = await rest('POST', '/webhooks', admin, { name: 'ftp', url: 'ftp://example.com/hook', events: ['published'] })
    expect(ftp.status).toBe(400)
    expect(errorPaths(ftp.body)).toEqual(['url'])
    const none = await rest('POST', '/webhooks', admin, { name: 'none', url: 'https://example.com/hook' })
    expect(none.status).toBe(400)
    expect(errorPaths(none.body)).toEqual(['events'])
  })
})
