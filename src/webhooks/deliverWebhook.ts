import type { Payload, TaskConfig } from 'payload'

import { readerDefaultLocale } from '@/lib/locales'
import { messagesOf } from '@/messages'
import type { WebhookDelivery } from '@/payload-types'

import { describeRefusal, refusedWebhookAddress } from './address'
import { webhookSettings } from './settings'
import { signatureHeader } from './verify'

type Outcome = { ok: boolean; statusCode: number | null; error: string | null }

const describeFailure = (error: unknown): string => {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `No answer within ${webhookSettings.timeoutMs} ms.`
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  const detail = cause?.code ?? cause?.message
  return `${error instanceof Error ? error.message : String(error)}${detail ? ` (${detail})` : ''}`
}

/**
 * One signed POST; redirects are not followed (a receiver that moved must be updated by an admin).
 * The address is checked again here: a name may resolve elsewhere than when it was registered.
 * Only the receiver's status is kept, never its body: an admin reads `lastError`.
 */
const post = async (url: string, secret: string, delivery: WebhookDelivery): Promise<Outcome> => {
  const refusal = await refusedWebhookAddress(url)
  // Kept for every admin to read, in the default language like the delivery's other errors.
  if (refusal) return { ok: false, statusCode: null, error: `Not sent: ${describeRefusal(refusal, messagesOf(readerDefaultLocale).validation)}.` }
  const body = JSON.stringify(delivery.body)
  const timestamp = Math.floor(Date.now() / 1000)
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(webhookSettings.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lagon-Webhooks/1',
        'lagon-event': delivery.event,
        'lagon-delivery': delivery.deliveryId,
        'lagon-signature': signatureHeader(secret, timestamp, body),
      },
      body,
    })
    await response.body?.cancel().catch(() => {})
    if (response.ok) return { ok: true, statusCode: response.status, error: null }
    return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` }
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFailure(error) }
  }
}

const record = (payload: Payload, id: number, data: Partial<WebhookDelivery>) =>
  payload.update({ collection: 'webhook-deliveries', id, data, depth: 0, overrideAccess: true })

/**
 * Sends one delivery row to its endpoint and records the attempt. A failed attempt throws, and
 * the jobs queue retries it with exponential backoff; the row's delivery id, body and so the
 * receiver's de-duplication key stay the same across retries, only the signature's time changes.
 */
export const deliverWebhook: TaskConfig<{ input: { delivery: number }; output: { statusCode?: number | null } }> = {
  slug: 'deliverWebhook',
  label: 'Deliver a webhook',
  inputSchema: [{ name: 'delivery', type: 'number', required: true }],
  outputSchema: [{ name: 'statusCode', type: 'number' }],
  retries: { attempts: webhookSettings.retries, backoff: { type: 'exponential', delay: webhookSettings.retryDelayMs } },
  handler: async ({ input, req: { payload } }) => {
    const delivery = await payload.findByID({ collection: 'webhook-deliveries', id: input.delivery, depth: 0, overrideAccess: true, disableErrors: true })
    // An admin deleted the log row: nothing is left to send.
    if (!delivery) return { output: {} }
    const webhookId = typeof delivery.webhook === 'object' ? delivery.webhook?.id : delivery.webhook
    const webhook = webhookId
      ? await payload.findByID({ collection: 'webhooks', id: webhookId, depth: 0, overrideAccess: true, disableErrors: true })
      : null
    if (!webhook?.active || !webhook.secret) {
      await record(payload, delivery.id, { status: 'cancelled', lastError: 'The webhook was deleted or deactivated before delivery.' })
      return { output: {} }
    }
    const attempts = (delivery.attempts ?? 0) + 1
    const outcome = await post(webhook.url, webhook.secret, delivery)
    if (outcome.ok) {
      await record(payload, delivery.id, { status: 'delivered', statusCode: outcome.statusCode, attempts, lastError: null, deliveredAt: new Date().toISOString() })
      return { output: { statusCode: outcome.statusCode } }
    }
    const final = attempts > webhookSettings.retries
    await record(payload, delivery.id, { status: final ? 'failed' : 'retrying', statusCode: outcome.statusCode, attempts, lastError: outcome.error })
    throw new Error(`webhook ${delivery.deliveryId} to ${webhook.url}: ${outcome.error}`)
  },
}
