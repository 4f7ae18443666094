import type { DateField, TextField } from 'payload'

import { dayOnly } from './dates'
import { validateCountryCode } from './validators'
import { adminTextsOf } from '@/lib/adminLabels'

const texts = adminTextsOf('verification')

export const lastVerifiedField = (): DateField => ({
  name: 'lastVerified',
  type: 'date',
  label: texts.lastVerified,
  admin: {
    position: 'sidebar',
    date: dayOnly,
    // "Needs re-verification" and the source checks' findings (src/fields/sourceQuality.ts).
    components: { afterInput: ['/src/fields/admin/SourceQuality#SourceQuality'] },
    description: texts.lastVerifiedDescription,
  },
})

export const destinationField = (): TextField => ({
  name: 'destination',
  type: 'text',
  label: texts.destination,
  required: true,
  index: true,
  validate: validateCountryCode,
  admin: {
    position: 'sidebar',
    description: texts.destinationDescription,
  },
})
