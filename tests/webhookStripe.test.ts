import { createHmac } from 'node:crypto'

import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'

import { newWebhookSecret } from '@collections/Webhooks/hooks/secret'
import { signatureHeader, verifyWebhook } from '@/webhooks/verify'

/**
 * docs/webhooks.md says Lagon's signatures are Stripe's scheme, keyed with the whole `whsec_…`
 * secret as text: Stripe's own `constructEvent` verifies the header Lagon's delivery sends
 * (src/webhooks/deliverWebhook.ts signs with signatureHeader), and a key base64-decoded as
 * Standard Webhooks does it does not.
 */
const body = JSON.stringify({ id: 'evt_1', type: 'article.published', data: { id: 7, locale: 'fr' } })

describe("Lagon's webhook signatures", () => {
  it("verify with Stripe's constructEvent, the secret given as it is", () => {
    const secret = newWebhookSecret()
    expect(secret).toMatch(/^whsec_/)
    const header = signatureHeader(secret, Math.floor(Date.now() / 1000), body)
    const event = Stripe.webhooks.constructEvent(body, header, secret)
    expect(event.id).toBe('evt_1')
    expect(() => Stripe.webhooks.constructEvent(body.replace('"fr"', '"en"'), header, secret)).toThrow()
    expect(() => Stripe.webhooks.constructEvent(body, header, newWebhookSecret())).toThrow()
    // Stripe's tolerance (300 s) is Lagon's own.
    const old = signatureHeader(secret, Math.floor(Date.now() / 1000) - 301, body)
    expect(() => Stripe.webhooks.constructEvent(body, old, secret)).toThrow()
    expect(verifyWebhook({ secret, body, header: old }).ok).toBe(false)
  })

  it('are keyed with the text of the secret, not its base64-decoded bytes (Standard Webhooks)', () => {
    const secret = newWebhookSecret()
    const timestamp = Math.floor(Date.now() / 1000)
    const decodedKey = Buffer.from(secret.slice('whsec_'.length), 'base64')
    const asStandardWebhooks = createHmac('sha256', decodedKey).update(`${timestamp}.${body}`).digest('hex')
    expect(verifyWebhook({ secret, body, header: `t=${timestamp},v1=${asStandardWebhooks}` }).ok).toBe(false)
    const asText = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
    expect(signatureHeader(secret, timestamp, body)).toBe(`t=${timestamp},v1=${asText}`)
  })
})
