import type { DateField, TextField } from 'payload'

import { dayOnly } from './dates'
import { validateCountryCode } from './validators'

export const lastVerifiedField = (): DateField => ({
  name: 'lastVerified',
  type: 'date',
  label: { zh: '最后核实', en: 'Last verified', fr: 'Dernière vérification' },
  admin: {
    position: 'sidebar',
    date: dayOnly,
    // "Needs re-verification" and the source checks' findings (src/fields/sourceQuality.ts).
    components: { afterInput: ['/src/fields/admin/SourceQuality#SourceQuality'] },
    description: {
      zh: '最近一次由人工对照来源核查这些信息的日期。',
      en: 'When a person last checked these facts against their sources.',
      fr: 'La date à laquelle une personne a vérifié ces faits auprès de leurs sources pour la dernière fois.',
    },
  },
})

export const destinationField = (): TextField => ({
  name: 'destination',
  type: 'text',
  label: { zh: '目的地', en: 'Destination', fr: 'Destination' },
  required: true,
  index: true,
  validate: validateCountryCode,
  admin: {
    position: 'sidebar',
    description: {
      zh: 'ISO 3166-1 二位字母代码，例如 NC。',
      en: 'ISO 3166-1 alpha-2 code, e.g. NC.',
      fr: 'Code ISO 3166-1 alpha-2, par ex. NC.',
    },
  },
})
