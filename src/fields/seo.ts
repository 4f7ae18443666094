import type { GroupField } from 'payload'

import { adminTextsOf, labels } from '@/lib/adminLabels'

const texts = adminTextsOf('seo')

export const seoField = (): GroupField => ({
  name: 'seo',
  type: 'group',
  label: labels.seo,
  fields: [
    { name: 'title', type: 'text', label: labels.title, localized: true, maxLength: 70 },
    { name: 'description', type: 'textarea', label: labels.description, localized: true, maxLength: 170 },
    {
      name: 'image',
      type: 'upload',
      label: texts.image,
      relationTo: 'media',
      localized: true,
    },
  ],
})
