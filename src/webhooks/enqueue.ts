import { randomUUID } from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeValidateHook,
  PayloadRequest,
} from 'payload'

import type { Webhook } from '@/payload-types'

import { eventsBetween, titleField, type LocaleEvent, type StoredDocument, type WebhookCollection } from './events'
import { webhookSettings } from './settings'

/**
 * From a save to queued deliveries, without any network: the stored row is read before and after
 * the write, the events between them computed, and one delivery row plus one job written per
 * (event, locale, endpoint), all in the save's own transaction. The event is queued exactly when
 * the save commits, and the job runner sends it later (src/webhooks/deliverWebhook.ts).
 */

type Before = { webhooks: Webhook[]; row: StoredDocument | null }

const contextKey = (collection: WebhookCollection, id: number | string) => `webhooks:${collection}:${id}`

/** The row in every locale, as the database holds it: the published state (drafts live in versions). */
const storedRow = async (req: PayloadRequest, collection: WebhookCollection, id: number | string) =>
  ((await req.payload.db.findOne({ collection, where: { id: { equals: id } }, locale: 'all', req })) ??
    null) as StoredDocument | null

const activeWebhooks = async (req: PayloadRequest): Promise<Webhook[]> =>
  (
    await req.payload.find({
      collection: 'webhooks',
      where: { active: { equals: true } },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
  ).docs

const listens = (webhook: Webhook, collection: WebhookCollection, { event, locale }: LocaleEvent): boolean =>
  (webhook.events ?? []).includes(event) &&
  (!webhook.collections?.length || webhook.collections.includes(collection)) &&
  (!webhook.locales?.length || webhook.locales.includes(locale))

const localValue = (row: StoredDocument | null, field: string, locale: string): string | null => {
  const value = row?.[field]
  const own = value && typeof value === 'object' ? (value as Record<string, unknown>)[locale] : value
  return typeof own === 'string' ? own : null
}

const enqueue = async (
  req: PayloadRequest,
  collection: WebhookCollection,
  webhooks: Webhook[],
  id: number | string,
  previous: StoredDocument | null,
  next: StoredDocument | null,
): Promise<void> => {
  const occurredAt = new Date().toISOString()
  for (const localeEvent of eventsBetween(collection, previous, next)) {
    // A deleted document is described as it was; any other as it is now.
    const described = next ?? previous
    for (const webhook of webhooks.filter((candidate) => listens(candidate, collection, localeEvent))) {
      const deliveryId = randomUUID()
      const delivery = await req.payload.create({
        collection: 'webhook-deliveries',
        data: {
          deliveryId,
          webhook: webhook.id,
          url: webhook.url,
          event: localeEvent.event,
          collectionSlug: collection,
          documentId: String(id),
          locale: localeEvent.locale,
          status: 'pending',
          attempts: 0,
          body: {
            id: deliveryId,
            event: localeEvent.event,
            collection,
            locale: localeEvent.locale,
            occurredAt,
            document: {
              id,
              slug: localValue(described, 'slug', localeEvent.locale),
              title: localValue(described, titleField[collection], localeEvent.locale),
            },
          },
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
      await req.payload.jobs.queue({
        task: 'deliverWebhook',
        queue: webhookSettings.queue,
        input: { delivery: delivery.id },
        req,
      })
    }
  }
}

/** A webhook must never cost the editor their save: a failure to queue is logged, not thrown. */
const safely = async (req: PayloadRequest, what: string, work: () => Promise<void>): Promise<void> => {
  try {
    await work()
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `webhooks: could not queue the events of ${what}` })
  }
}

/**
 * Kept on `req.context`, read at the time of writing: each Local API call made with `req` (ours
 * included) gives the request a new context object, copied from the old one.
 */
const remember = (req: PayloadRequest, key: string, before: Before) => {
  req.context[key] = before
}

const recall = (req: PayloadRequest, key: string): Before | undefined => {
  const before = req.context[key] as Before | undefined
  delete req.context[key]
  return before
}

/**
 * Before an update is validated (so before anything is written), the row as it stands: what
 * readers saw until now. Skipped, at the cost of one query, when no endpoint listens.
 */
export const rememberRowBeforeChange =
  (collection: WebhookCollection): CollectionBeforeValidateHook =>
  async ({ operation, originalDoc, req }) => {
    if (operation !== 'update' || originalDoc?.id === undefined) return
    await safely(req, `${collection} ${originalDoc.id}`, async () => {
      const webhooks = await activeWebhooks(req)
      if (webhooks.length) remember(req, contextKey(collection, originalDoc.id), { webhooks, row: await storedRow(req, collection, originalDoc.id) })
    })
  }

export const queueWebhooksAfterChange =
  (collection: WebhookCollection): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    await safely(req, `${collection} ${doc.id}`, async () => {
      const before = operation === 'create' ? { webhooks: await activeWebhooks(req), row: null } : recall(req, contextKey(collection, doc.id))
      if (!before?.webhooks.length) return
      await enqueue(req, collection, before.webhooks, doc.id, before.row, await storedRow(req, collection, doc.id))
    })
    return doc
  }

export const rememberRowBeforeDelete =
  (collection: WebhookCollection): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await safely(req, `${collection} ${id}`, async () => {
      const webhooks = await activeWebhooks(req)
      if (webhooks.length) remember(req, contextKey(collection, id), { webhooks, row: await storedRow(req, collection, id) })
    })
  }

export const queueWebhooksAfterDelete =
  (collection: WebhookCollection): CollectionAfterDeleteHook =>
  async ({ id, doc, req }) => {
    await safely(req, `${collection} ${id}`, async () => {
      const before = recall(req, contextKey(collection, id))
      if (before?.webhooks.length) await enqueue(req, collection, before.webhooks, id, before.row, null)
    })
    return doc
  }
