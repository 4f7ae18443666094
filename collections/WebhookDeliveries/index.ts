import type { CollectionConfig } from 'payload'

import { hiddenFromNonAdmins } from '@/access/hiddenFromNonAdmins'
import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { dayAndTime } from '@/fields/dates'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'
import { adminTextsOf, collectionLabels, labelledOptions, labels } from '@/lib/adminLabels'
import { collectionOptions, eventOptions, localeOptions } from '@/webhooks/options'


const texts = adminTextsOf('webhookDeliveries')

export const deliveryStatuses = ['pending', 'delivered', 'retrying', 'failed', 'cancelled'] as const

/**
 * One row per event sent to one endpoint, written by Lagon when the event happens and after each
 * attempt: what admins read to see whether a receiver got it. Read-only in the admin.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: collectionLabels['webhook-deliveries'],
  admin: {
    useAsTitle: 'deliveryId',
    defaultColumns: ['event', 'collectionSlug', 'documentId', 'locale', 'webhook', 'status', 'statusCode', 'attempts', 'createdAt'],
    group: labels.developers,
    hidden: hiddenFromNonAdmins,
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  hooks: { beforeOperation: [rejectMalformedId] },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'deliveryId',
      type: 'text',
      label: texts.deliveryId,
      required: true,
      unique: true,
    },
    { name: 'webhook', type: 'relationship', relationTo: 'webhooks', label: collectionLabels.webhooks.singular },
    { name: 'url', type: 'text', label: texts.url, required: true },
    {
      name: 'event',
      type: 'select',
      label: texts.event,
      required: true,
      options: eventOptions,
    },
    {
      name: 'collectionSlug',
      type: 'select',
      label: texts.collectionSlug,
      required: true,
      options: collectionOptions,
    },
    { name: 'documentId', type: 'text', label: texts.documentId, required: true },
    {
      name: 'locale',
      type: 'select',
      label: texts.locale,
      required: true,
      options: localeOptions,
    },
    {
      name: 'status',
      type: 'select',
      label: texts.status,
      required: true,
      defaultValue: 'pending',
      index: true,
      options: labelledOptions(deliveryStatuses, texts.statuses),
    },
    { name: 'statusCode', type: 'number', label: texts.statusCode },
    { name: 'attempts', type: 'number', label: texts.attempts, defaultValue: 0 },
    { name: 'lastError', type: 'textarea', label: texts.lastError },
    { name: 'deliveredAt', type: 'date', label: texts.deliveredAt, admin: { date: dayAndTime } },
    {
      name: 'body',
      type: 'json',
      label: texts.body,
      required: true,
    },
  ],
}
