import type { GroupField } from 'payload'

import { labels } from '@/lib/adminLabels'

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
      label: { zh: '分享图片', en: 'Image', fr: 'Image' },
      relationTo: 'media',
      localized: true,
    },
  ],
})
