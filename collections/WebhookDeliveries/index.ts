import type { CollectionConfig } from 'payload'

import { hiddenFromNonAdmins } from '@/access/hiddenFromNonAdmins'
import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { dayAndTime } from '@/fields/dates'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'
import { collectionLabels, labelledOptions } from '@/lib/adminLabels'
import { collectionOptions, eventOptions, localeOptions } from '@/webhooks/options'

import { developersGroup } from '../Webhooks'

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
    group: developersGroup,
    hidden: hiddenFromNonAdmins,
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  hooks: { beforeOperation: [rejectMalformedId] },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'deliveryId',
      type: 'text',
      label: { zh: '投递 ID(Lagon-Delivery)', en: 'Delivery id (Lagon-Delivery)', fr: 'Id d’envoi (Lagon-Delivery)' },
      required: true,
      unique: true,
    },
    { name: 'webhook', type: 'relationship', relationTo: 'webhooks', label: collectionLabels.webhooks.singular },
    { name: 'url', type: 'text', label: { zh: '接收地址', en: 'Endpoint URL', fr: 'URL de réception' }, required: true },
    {
      name: 'event',
      type: 'select',
      label: { zh: '事件', en: 'Event', fr: 'Événement' },
      required: true,
      options: eventOptions,
    },
    {
      name: 'collectionSlug',
      type: 'select',
      label: { zh: '集合', en: 'Collection', fr: 'Collection' },
      required: true,
      options: collectionOptions,
    },
    { name: 'documentId', type: 'text', label: { zh: '文档 ID', en: 'Document id', fr: 'Id du document' }, required: true },
    {
      name: 'locale',
      type: 'select',
      label: { zh: '语言', en: 'Locale', fr: 'Langue' },
      required: true,
      options: localeOptions,
    },
    {
      name: 'status',
      type: 'select',
      label: { zh: '状态', en: 'Status', fr: 'État' },
      required: true,
      defaultValue: 'pending',
      index: true,
      options: labelledOptions(deliveryStatuses, {
        pending: { zh: '等待中', en: 'Pending', fr: 'En attente' },
        delivered: { zh: '已送达', en: 'Delivered', fr: 'Livré' },
        retrying: { zh: '重试中', en: 'Retrying', fr: 'Nouvel essai prévu' },
        failed: { zh: '失败', en: 'Failed', fr: 'Échec' },
        cancelled: { zh: '已取消', en: 'Cancelled', fr: 'Annulé' },
      }),
    },
    { name: 'statusCode', type: 'number', label: { zh: 'HTTP 状态码', en: 'HTTP status', fr: 'Statut HTTP' } },
    { name: 'attempts', type: 'number', label: { zh: '尝试次数', en: 'Attempts', fr: 'Tentatives' }, defaultValue: 0 },
    { name: 'lastError', type: 'textarea', label: { zh: '最近错误', en: 'Last error', fr: 'Dernière erreur' } },
    { name: 'deliveredAt', type: 'date', label: { zh: '送达时间', en: 'Delivered at', fr: 'Livré le' }, admin: { date: dayAndTime } },
    {
      name: 'body',
      type: 'json',
      label: { zh: '发送内容', en: 'Payload sent', fr: 'Contenu envoyé' },
      required: true,
    },
  ],
}
