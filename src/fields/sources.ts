import type { ArrayField } from 'payload'

import { adminTextsOf, labels } from '@/lib/adminLabels'

import { validateHttpUrl, validatePartialDate } from './validators'

const texts = adminTextsOf('sources')

/** Where a record's facts come from: every record that states facts carries its sources. */
export const sourcesField = (): ArrayField => ({
  name: 'sources',
  type: 'array',
  label: texts.sources,
  labels: {
    singular: texts.source,
    plural: texts.sources,
  },
  admin: {
    description: texts.sourcesDescription,
    initCollapsed: true,
  },
  fields: [
    { name: 'title', type: 'text', label: labels.title, required: true },
    { name: 'publisher', type: 'text', label: texts.publisher },
    {
      name: 'url',
      type: 'text',
      label: texts.url,
      validate: validateHttpUrl,
      admin: {
        description: texts.urlDescription,
      },
    },
    {
      name: 'date',
      type: 'text',
      label: texts.date,
      validate: validatePartialDate,
      admin: {
        description: texts.dateDescription,
      },
    },
  ],
})
