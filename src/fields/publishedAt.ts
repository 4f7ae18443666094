import type { DateField } from 'payload'

import { dayAndTime } from './dates'
import { adminTextsOf } from '@/lib/adminLabels'

const texts = adminTextsOf('publishedAt')

export const publishedAtField = (): DateField => ({
  name: 'publishedAt',
  type: 'date',
  label: texts.label,
  index: true,
  admin: { position: 'sidebar', date: dayAndTime },
})
