import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isEditor } from '@/access/isEditor'
import { isStaff } from '@/access/isStaff'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { guideEditor } from '@/fields/guideEditor'
import { slugField } from '@/fields/slug'
import { sourcesField } from '@/fields/sources'
import { requiredInSourceLocale } from '@/fields/validators'
import { destinationField, lastVerifiedField } from '@/fields/verification'
import { contentVersions } from '@/lib/versions'
import { readersGetPublished } from '@/hooks/readersGetPublished'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'

export const tipCategories = ['connectivity', 'payment', 'cash', 'apps', 'safety', 'other'] as const

export const Tips: CollectionConfig = {
  slug: 'tips',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'order', 'destination', '_status'],
  },
  defaultSort: 'order',
  hooks: { beforeOperation: [rejectMalformedId, readersGetPublished] },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isEditor,
    update: isStaff,
    delete: isAdmin,
  },
  versions: contentVersions,
  fields: [
    { name: 'title', type: 'text', localized: true, validate: requiredInSourceLocale },
    { name: 'body', type: 'richText', localized: true, editor: guideEditor },
    sourcesField(),
    slugField('title'),
    {
      name: 'category',
      type: 'select',
      required: true,
      defaultValue: 'other',
      options: tipCategories.map((category) => ({ label: category, value: category })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      admin: { position: 'sidebar', description: 'Lower comes first within a category.' },
    },
    destinationField(),
    lastVerifiedField(),
  ],
}
