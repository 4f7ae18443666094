import type { CollectionConfig } from 'payload'

import { contentAccess } from '@/access/contentAccess'
import { contentHooks } from '@/hooks/contentHooks'
import { guideEditor } from '@/fields/guideEditor'
import { publishedAtField } from '@/fields/publishedAt'
import { seoField } from '@/fields/seo'
import { slugFields } from '@/fields/slug'
import { sourcesField } from '@/fields/sources'
import { sharedFieldsForEditors } from '@/fields/sharedFieldsForEditors'
import { requiredInSourceLocale } from '@/fields/validators'
import { destinationField, lastVerifiedField } from '@/fields/verification'
import { translationFields } from '@/fields/translation'
import { machineTranslateEndpoint } from '@/translation/machine/endpoints'
import { machineTranslateField } from '@/translation/machine/field'
import { adminTextsOf, collectionLabels, labels } from '@/lib/adminLabels'
import { contentVersions } from '@/lib/versions'

import { setPublishedAt } from './hooks/setPublishedAt'

const texts = adminTextsOf('articles')

export const Articles: CollectionConfig = {
  slug: 'articles',
  // Documented in the OpenAPI contract (src/openapi/document.ts).
  custom: { publicApi: true },
  labels: collectionLabels.articles,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'destination', '_status', 'lastVerified', 'updatedAt'],
    // The list reads the columns shown, not every document's bodies in full (a page of 10 guides was 10 × a few KB per locale).
    enableListViewSelectAPI: true,
  },
  access: contentAccess,
  endpoints: [machineTranslateEndpoint],
  versions: contentVersions,
  hooks: contentHooks('articles', { beforeChange: [setPublishedAt] }),
  fields: sharedFieldsForEditors([
    { name: 'title', type: 'text', label: labels.title, localized: true, validate: requiredInSourceLocale },
    {
      type: 'tabs',
      tabs: [
        {
          label: labels.content,
          fields: [
            {
              name: 'summary',
              type: 'textarea',
              label: texts.summary,
              localized: true,
              maxLength: 400,
            },
            {
              name: 'heroImage',
              type: 'upload',
              label: texts.heroImage,
              relationTo: 'media',
            },
            { name: 'body', type: 'richText', label: labels.body, localized: true, editor: guideEditor },
          ],
        },
        {
          label: texts.facts,
          fields: [
            {
              name: 'relatedCarriers',
              type: 'relationship',
              label: texts.relatedCarriers,
              relationTo: 'carriers',
              hasMany: true,
            },
            {
              name: 'tips',
              type: 'relationship',
              label: collectionLabels.tips.plural,
              relationTo: 'tips',
              hasMany: true,
            },
            sourcesField(),
          ],
        },
        { label: labels.seo, fields: [seoField()] },
      ],
    },
    ...slugFields('title'),
    destinationField(),
    lastVerifiedField(),
    publishedAtField(),
    ...translationFields(),
    machineTranslateField(),
  ]),
}
