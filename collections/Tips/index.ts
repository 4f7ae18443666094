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
import { collectionLabels, labelledOptions, labels } from '@/lib/adminLabels'
import { contentVersions } from '@/lib/versions'

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
      label: { zh: '分类', en: 'Category', fr: 'Catégorie' },
      required: true,
      defaultValue: 'other',
      options: labelledOptions(tipCategories, {
        connectivity: { zh: '网络连接', en: 'Connectivity', fr: 'Connectivité' },
        payment: { zh: '支付', en: 'Payment', fr: 'Paiement' },
        cash: { zh: '现金', en: 'Cash', fr: 'Espèces' },
        apps: { zh: '应用', en: 'Apps', fr: 'Applications' },
        safety: { zh: '安全', en: 'Safety', fr: 'Sécurité' },
        other: { zh: '其他', en: 'Other', fr: 'Autre' },
      }),
      admin: { position: 'sidebar' },
    },
    {
      name: 'order',
      type: 'number',
      label: { zh: '排序', en: 'Order', fr: 'Ordre' },
      defaultValue: 0,
      admin: {
        position: 'sidebar',
        description: {
          zh: '在同一分类内，数值越小越靠前。',
          en: 'Lower comes first within a category.',
          fr: 'Au sein d’une catégorie, la plus petite valeur passe en premier.',
        },
      },
    },
    destinationField(),
    lastVerifiedField(),
    ...translationFields(),
    machineTranslateField(),
  ]),
}
