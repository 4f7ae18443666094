import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { messagesOf } from '@/messages'

import { login, startApiServer } from './helpers/apiServer'
import { errorPaths, json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { waitFor } from './helpers/ports'
import { createStaff, password } from './helpers/users'
import { startWebhookReceiver } from './helpers/webhookReceiver'

/** Without WEBHOOK_ALLOW_PRIVATE: webhooks go to public addresses only. */

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let admin: Record<string, string>

beforeAll(async () => {
  db = await startPayload('migrated', { LAGON_JOBS_CRON: '* * * * * *', WEBHOOK_RETRIES: '1', WEBHOOK_RETRY_DELAY_MS: '300', API_RATE_LIMIT: '0' })
  api = await startApiServer()
  receiver = await startWebhookReceiver()
  await createStaff(db.payload)
  admin = await login(api.url, 'admin@lagon.test', password)
})
afterAll(async () => {
  await receiver?.close()
  await api?.close()
  await db?.close()
})

// Inactive: nothing is sent out of the test machine.
const register = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/api/webhooks`, {
    method: 'POST',
    headers: json({ ...admin, ...headers }),
    body: JSON.stringify({ name: url, url, events: ['published'], active: false }),
  })

describe('webhook addresses', () => {
  it.each([
    'http://localhost:8080/hook',
    'http://127.0.0.1/hook',
    'http://127.1/hook',
    'http://0x7f000001/hook',
    'http://2130706433/hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.7/hook',
    'http://192.168.1.1/hook',
    'http://172.20.0.1/hook',
    'http://[fd00::1]/hook',
    'http://0.0.0.0/hook',
    'http://224.0.0.1/hook',
  ])('refuses %s when it is registered, naming the url', async (url) => {
    const response = await register(url)
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(errorPaths(body)).toEqual(['url'])
    expect(JSON.stringify(body)).toMatch(/loopback, private, link-local or reserved address/)
  })

  it.each([
    ['en', 'en'],
    ['fr', 'fr'],
    ['zh', 'zh'],
    ['zh-TW', 'zh-Hant'],
  ] as const)("says why in the admin's language (Accept-Language %s)", async (language, locale) => {
    const response = await register('http://10.0.0.7/hook', { 'Accept-Language': language })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { data: { errors: { path: string; message: string }[] } }[] }
    const text = messagesOf(locale).validation
    expect(body.errors[0]!.data.errors).toEqual([{ path: 'url', message: `url: ${text.webhookPublicOnly(text.webhookNotPublic('10.0.0.7', '10.0.0.7'))}` }])
    if (locale !== 'en') expect(body.errors[0]!.data.errors[0]!.message).not.toMatch(/private/)
  })

  it('takes a public address', async () => {
    expect((await register('https://93.184.215.14/hook')).status).toBe(201)
  })

  it('refuses at delivery too, a webhook whose address became private, and tells the admin only that', async () => {
    // Stored past the check (as if its name had resolved elsewhere when it was saved).
    const webhook = await db.payload.db.create({
      collection: 'webhooks',
      data: { name: 'rebound', url: receiver.url('/internal'), events: ['published'], active: true, secret: 'whsec_test' },
    })
    await db.payload.create({ collection: 'tips', locale: 'zh', data: { title: '发布', destination: 'NC', category: 'other', sourceLocale: 'zh', _status: 'published' } })
    const delivery = async () =>
      (await db.payload.find({ collection: 'webhook-deliveries', where: { webhook: { equals: webhook.id } }, overrideAccess: true })).docs[0]
    await waitFor(async () => Boolean((await delivery())?.lastError), 30_000, () => 'the refused delivery')
    expect((await delivery())!.lastError).toMatch(/^Not sent: 127\.0\.0\.1 resolves to 127\.0\.0\.1/)
    expect(receiver.received('/internal')).toEqual([])
  })
})
