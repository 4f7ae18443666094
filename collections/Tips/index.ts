import type { CollectionConfig } from 'payload'

import { contentAccess } from '@/access/contentAccess'
import { contentHooks } from '@/hooks/contentHooks'
import { guideEditor } from '@/fields/guideEditor'
import { slugFields } from '@/fields/slug'
import { sourcesField } from '@/fields/sources'
import { sharedFieldsForEditors } from '@/fields/sharedFieldsForEditors'
import { requiredInSourceLocale } from '@/fields/validators'
import { destinationField, lastVerifiedField } from '@/fields/verification'
import { translationFields } from '@/fields/translation'
import { machineTranslateEndpoint } from '@/translation/machine/endpoints'
import { machineTranslateField } from '@/translation/machine/field'
import { adminTextsOf, collectionLabels, labelledOptions, labels } from '@/lib/adminLabels'
import { contentVersions } from '@/lib/versions'

const texts = adminTextsOf('tips')

export const tipCategories = ['connectivity', 'payment', 'cash', 'apps', 'safety', 'other'] as const

export const Tips: CollectionConfig = {
  slug: 'tips',
  // Documented in the OpenAPI contract (src/openapi/document.ts).
  custom: { publicApi: true },
  labels: collectionLabels.tips,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'order', 'destination', '_status'],
    // The list reads the columns shown, not every document's bodies in full (a page of 10 guides was 10 × a few KB per locale).
    enableListViewSelectAPI: true,
  },
  defaultSort: 'order',
  hooks: contentHooks('tips'),
  access: contentAccess,
  endpoints: [machineTranslateEndpoint],
  versions: contentVersions,
  fields: sharedFieldsForEditors([
    { name: 'title', type: 'text', label: labels.title, localized: true, validate: requiredInSourceLocale },
    { name: 'body', type: 'richText', label: labels.body, localized: true, editor: guideEditor },
    sourcesField(),
    ...slugFields('title'),
    {
      name: 'category',
      type: 'select',
      label: texts.category,
      required: true,
      defaultValue: 'other',
      options: labelledOptions(tipCategories, texts.categories),
      admin: { position: 'sidebar' },
    },
    {
      name: 'order',
      type: 'number',
      label: texts.order,
      defaultValue: 0,
      admin: {
        position: 'sidebar',
        description: texts.orderDescription,
      },
    },
    destinationField(),
    lastVerifiedField(),
    ...translationFields(),
    machineTranslateField(),
  ]),
}
