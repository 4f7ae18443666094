import type { CollectionConfig } from 'payload'

import { hiddenFromNonAdmins } from '@/access/hiddenFromNonAdmins'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { validateHttpUrl } from '@/fields/validators'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'
import { collectionLabels, labels } from '@/lib/adminLabels'
import { collectionOptions, eventOptions, localeOptions } from '@/webhooks/options'

import { requirePublicAddress } from './hooks/publicAddress'
import { keepOrRotateSecret } from './hooks/secret'

export const developersGroup = { zh: '开发者', en: 'Developers', fr: 'Développeurs' }

/** Endpoints that receive a signed POST when published content changes (docs/webhooks.md). Admins only. */
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  labels: collectionLabels.webhooks,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active'],
    group: developersGroup,
    hidden: hiddenFromNonAdmins,
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeOperation: [rejectMalformedId], beforeValidate: [requirePublicAddress] },
  fields: [
    { name: 'name', type: 'text', label: labels.name, required: true },
    {
      name: 'url',
      type: 'text',
      label: { zh: '接收地址', en: 'Endpoint URL', fr: 'URL de réception' },
      required: true,
      validate: validateHttpUrl,
    },
    {
      name: 'events',
      type: 'select',
      // Named explicitly, as every hasMany select here: `<collection>_<field>` tables may meet Payload's own.
      dbName: 'webhooks_event_filter',
      enumName: 'enum_webhooks_event_filter',
      label: { zh: '事件', en: 'Events', fr: 'Événements' },
      hasMany: true,
      required: true,
      options: eventOptions,
    },
    {
      name: 'collections',
      type: 'select',
      dbName: 'webhooks_collection_filter',
      enumName: 'enum_webhooks_collection_filter',
      label: { zh: '集合', en: 'Collections', fr: 'Collections' },
      hasMany: true,
      options: collectionOptions,
      admin: { description: { zh: '留空表示全部。', en: 'Empty means all.', fr: 'Vide : toutes.' } },
    },
    {
      name: 'locales',
      type: 'select',
      // `webhooks_locales` is the table Payload keeps for localized fields.
      dbName: 'webhooks_locale_filter',
      enumName: 'enum_webhooks_locale_filter',
      label: { zh: '语言', en: 'Locales', fr: 'Langues' },
      hasMany: true,
      options: localeOptions,
      admin: { description: { zh: '留空表示全部。', en: 'Empty means all.', fr: 'Vide : toutes.' } },
    },
    {
      name: 'secret',
      type: 'text',
      label: { zh: '签名密钥', en: 'Signing secret', fr: 'Secret de signature' },
      access: { read: isAdminField },
      hooks: { beforeChange: [keepOrRotateSecret] },
      admin: {
        readOnly: true,
        description: {
          zh: '用于验证 Lagon-Signature 请求头(见 docs/webhooks.md)。创建时生成。',
          en: 'Verifies the Lagon-Signature header (see docs/webhooks.md). Made when the webhook is created.',
          fr: 'Vérifie l’en-tête Lagon-Signature (voir docs/webhooks.md). Créé avec le webhook.',
        },
      },
    },
    {
      name: 'rotateSecret',
      type: 'checkbox',
      virtual: true,
      label: { zh: '保存时更换密钥', en: 'Rotate the secret on save', fr: 'Changer le secret à l’enregistrement' },
      admin: {
        description: {
          zh: '旧密钥立即失效。',
          en: 'The old secret stops working at once.',
          fr: 'L’ancien secret cesse aussitôt de fonctionner.',
        },
      },
    },
    {
      name: 'active',
      type: 'checkbox',
      label: { zh: '启用', en: 'Active', fr: 'Actif' },
      defaultValue: true,
    },
  ],
}
