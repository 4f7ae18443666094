import type { CollectionConfig } from 'payload'

import { hiddenFromNonAdmins } from '@/access/hiddenFromNonAdmins'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { validateHttpUrl } from '@/fields/validators'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'
import { adminTextsOf, collectionLabels, labels } from '@/lib/adminLabels'
import { collectionOptions, eventOptions, localeOptions } from '@/webhooks/options'

import { requirePublicAddress } from './hooks/publicAddress'
import { keepOrRotateSecret } from './hooks/secret'

const texts = adminTextsOf('webhooks')

/** Endpoints that receive a signed POST when published content changes (docs/webhooks.md). Admins only. */
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  labels: collectionLabels.webhooks,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active'],
    group: labels.developers,
    hidden: hiddenFromNonAdmins,
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeOperation: [rejectMalformedId], beforeValidate: [requirePublicAddress] },
  fields: [
    { name: 'name', type: 'text', label: labels.name, required: true },
    {
      name: 'url',
      type: 'text',
      label: texts.url,
      required: true,
      validate: validateHttpUrl,
    },
    {
      name: 'events',
      type: 'select',
      // Named explicitly, as every hasMany select here: `<collection>_<field>` tables may meet Payload's own.
      dbName: 'webhooks_event_filter',
      enumName: 'enum_webhooks_event_filter',
      label: texts.events,
      hasMany: true,
      required: true,
      options: eventOptions,
    },
    {
      name: 'collections',
      type: 'select',
      dbName: 'webhooks_collection_filter',
      enumName: 'enum_webhooks_collection_filter',
      label: texts.collections,
      hasMany: true,
      options: collectionOptions,
      admin: { description: texts.emptyMeansAll },
    },
    {
      name: 'locales',
      type: 'select',
      // `webhooks_locales` is the table Payload keeps for localized fields.
      dbName: 'webhooks_locale_filter',
      enumName: 'enum_webhooks_locale_filter',
      label: texts.locales,
      hasMany: true,
      options: localeOptions,
      admin: { description: texts.emptyMeansAll },
    },
    {
      name: 'secret',
      type: 'text',
      label: texts.secret,
      access: { read: isAdminField },
      hooks: { beforeChange: [keepOrRotateSecret] },
      admin: {
        readOnly: true,
        description: texts.secretDescription,
      },
    },
    {
      name: 'rotateSecret',
      type: 'checkbox',
      virtual: true,
      label: texts.rotateSecret,
      admin: {
        description: texts.rotateSecretDescription,
      },
    },
    {
      name: 'active',
      type: 'checkbox',
      label: texts.active,
      defaultValue: true,
    },
  ],
}
