import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { notInLists } from '@/fields/notInLists'
import { locales } from '@/lib/locales'
import { adminTextsOf, collectionLabels, labels } from '@/lib/adminLabels'

const texts = adminTextsOf('translationMemory')

const nobody = () => false

const localeOptions = locales.map(({ code, label }) => ({ label, value: code }))

/**
 * Approved translations of single segments (a text field, or one paragraph, heading, list item…
 * of rich text), taken from our own history when a translation is marked done. Machine
 * translation uses a hit instead of asking the provider. Written by the server only.
 */
export const TranslationMemory: CollectionConfig = {
  slug: 'translation-memory',
  labels: collectionLabels.translationMemory,
  admin: {
    defaultColumns: ['sourceLocale', 'targetLocale', 'origin', 'updatedAt'],
    group: labels.translation,
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['sourceLocale', 'targetLocale', 'sourceHash'], unique: true }],
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'sourceLocale', type: 'select', label: texts.sourceLocale, options: localeOptions, required: true },
        { name: 'targetLocale', type: 'select', label: texts.targetLocale, options: localeOptions, required: true },
      ],
    },
    { name: 'sourceHash', type: 'text', required: true, admin: { readOnly: true, hidden: true, ...notInLists } },
    { name: 'source', type: 'json', label: texts.source, required: true, admin: { readOnly: true } },
    { name: 'target', type: 'json', label: texts.target, required: true, admin: { readOnly: true } },
    {
      name: 'origin',
      type: 'text',
      label: texts.origin,
      admin: { readOnly: true, description: texts.originDescription },
    },
  ],
}
