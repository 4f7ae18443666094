import type { ArrayField } from 'payload'

import { validateHttpUrl, validatePartialDate } from './validators'

/** Where a record's facts come from: every record that states facts carries its sources. */
export const sourcesField = (): ArrayField => ({
  name: 'sources',
  type: 'array',
  admin: {
    description: 'The public sources this record relies on.',
    initCollapsed: true,
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'publisher', type: 'text' },
    {
      name: 'url',
      type: 'text',
      validate: validateHttpUrl,
      admin: { description: 'Left empty only when the page address is not known.' },
    },
    {
      name: 'date',
      type: 'text',
      validate: validatePartialDate,
      admin: { description: "The source's own date: YYYY, YYYY-MM or YYYY-MM-DD." },
    },
  ],
})
