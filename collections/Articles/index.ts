import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isEditor } from '@/access/isEditor'
import { isStaff } from '@/access/isStaff'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { guideEditor } from '@/fields/guideEditor'
import { publishedAtField } from '@/fields/publishedAt'
import { seoField } from '@/fields/seo'
import { slugField } from '@/fields/slug'
import { sourcesField } from '@/fields/sources'
import { requiredInSourceLocale } from '@/fields/validators'
import { destinationField, lastVerifiedField } from '@/fields/verification'
import { setPublishedAt } from '@/hooks/setPublishedAt'
import { contentVersions } from '@/lib/versions'
import { readersGetPublished } from '@/hooks/readersGetPublished'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'

export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'destination', '_status', 'lastVerified', 'updatedAt'],
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isEditor,
    update: isStaff,
    delete: isAdmin,
  },
  versions: contentVersions,
  hooks: { beforeOperation: [rejectMalformedId, readersGetPublished], beforeChange: [setPublishedAt] },
  fields: [
    { name: 'title', type: 'text', localized: true, validate: requiredInSourceLocale },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Content',
          fields: [
            { name: 'summary', type: 'textarea', localized: true, maxLength: 400 },
            { name: 'heroImage', type: 'upload', relationTo: 'media' },
            { name: 'body', type: 'richText', localized: true, editor: guideEditor },
          ],
        },
        {
          label: 'Facts',
          fields: [
            { name: 'relatedCarriers', type: 'relationship', relationTo: 'carriers', hasMany: true },
            { name: 'tips', type: 'relationship', relationTo: 'tips', hasMany: true },
            sourcesField(),
          ],
        },
        { label: 'SEO', fields: [seoField()] },
      ],
    },
    slugField('title'),
    destinationField(),
    lastVerifiedField(),
    publishedAtField(),
  ],
}
