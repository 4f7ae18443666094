import type { CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { notInLists } from '@/fields/notInLists'
import { locales } from '@/lib/locales'

const nobody = () => false

const localeOptions = locales.map(({ code, label }) => ({ label, value: code }))

/**
 * Approved translations of single segments (a text field, or one paragraph, heading, list item…
 * of rich text), taken from our own history when a translation is marked done. Machine
 * translation uses a hit instead of asking the provider. Written by the server only.
 */
export const TranslationMemory: CollectionConfig = {
  slug: 'translation-memory',
  labels: {
    singular: { zh: '翻译记忆', en: 'Translation memory entry', fr: 'Entrée de mémoire de traduction' },
    plural: { zh: '翻译记忆', en: 'Translation memory', fr: 'Mémoire de traduction' },
  },
  admin: {
    defaultColumns: ['sourceLocale', 'targetLocale', 'origin', 'updatedAt'],
    group: { zh: '翻译', en: 'Translation', fr: 'Traduction' },
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['sourceLocale', 'targetLocale', 'sourceHash'], unique: true }],
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'sourceLocale', type: 'select', label: { zh: '源语言', en: 'Source language', fr: 'Langue source' }, options: localeOptions, required: true },
        { name: 'targetLocale', type: 'select', label: { zh: '目标语言', en: 'Target language', fr: 'Langue cible' }, options: localeOptions, required: true },
      ],
    },
    { name: 'sourceHash', type: 'text', required: true, admin: { readOnly: true, hidden: true, ...notInLists } },
    { name: 'source', type: 'json', label: { zh: '原文', en: 'Source', fr: 'Source' }, required: true, admin: { readOnly: true } },
    { name: 'target', type: 'json', label: { zh: '译文', en: 'Translation', fr: 'Traduction' }, required: true, admin: { readOnly: true } },
    {
      name: 'origin',
      type: 'text',
      label: { zh: '来自', en: 'From', fr: 'Provenance' },
      admin: { readOnly: true, description: { zh: '集合/编号', en: 'collection/id', fr: 'collection/id' } },
    },
  ],
}
