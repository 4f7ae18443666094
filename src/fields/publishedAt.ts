import type { DateField } from 'payload'

import { dayAndTime } from './dates'

export const publishedAtField = (): DateField => ({
  name: 'publishedAt',
  type: 'date',
  label: { zh: '发布时间', en: 'Published at', fr: 'Date de publication' },
  index: true,
  admin: { position: 'sidebar', date: dayAndTime },
})
