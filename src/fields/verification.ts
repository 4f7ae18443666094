import type { DateField, TextField } from 'payload'

import { validateCountryCode } from './validators'

export const lastVerifiedField = (): DateField => ({
  name: 'lastVerified',
  type: 'date',
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayOnly' },
    description: 'When a person last checked these facts against their sources.',
  },
})

export const destinationField = (): TextField => ({
  name: 'destination',
  type: 'text',
  required: true,
  index: true,
  validate: validateCountryCode,
  admin: { position: 'sidebar', description: 'ISO 3166-1 alpha-2 code, e.g. NC.' },
})
