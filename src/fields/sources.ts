import type { ArrayField } from 'payload'

import { labels } from '@/lib/adminLabels'

import { validateHttpUrl, validatePartialDate } from './validators'

/** Where a record's facts come from: every record that states facts carries its sources. */
export const sourcesField = (): ArrayField => ({
  name: 'sources',
  type: 'array',
  label: { zh: '来源', en: 'Sources', fr: 'Sources' },
  labels: {
    singular: { zh: '来源', en: 'Source', fr: 'Source' },
    plural: { zh: '来源', en: 'Sources', fr: 'Sources' },
  },
  admin: {
    description: {
      zh: '本条记录所依据的公开来源。',
      en: 'The public sources this record relies on.',
      fr: 'Les sources publiques sur lesquelles repose cette fiche.',
    },
    initCollapsed: true,
  },
  fields: [
    { name: 'title', type: 'text', label: labels.title, required: true },
    { name: 'publisher', type: 'text', label: { zh: '发布方', en: 'Publisher', fr: 'Éditeur' } },
    {
      name: 'url',
      type: 'text',
      label: { zh: '网址', en: 'URL', fr: 'URL' },
      validate: validateHttpUrl,
      admin: {
        description: {
          zh: '仅在不知道网页地址时留空。',
          en: 'Left empty only when the page address is not known.',
          fr: 'À laisser vide uniquement si l’adresse de la page est inconnue.',
        },
      },
    },
    {
      name: 'date',
      type: 'text',
      label: { zh: '日期', en: 'Date', fr: 'Date' },
      validate: validatePartialDate,
      admin: {
        description: {
          zh: '来源本身的日期：YYYY、YYYY-MM 或 YYYY-MM-DD。',
          en: "The source's own date: YYYY, YYYY-MM or YYYY-MM-DD.",
          fr: 'La date de la source elle-même : AAAA, AAAA-MM ou AAAA-MM-JJ.',
        },
      },
    },
  ],
})
