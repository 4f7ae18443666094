import type { CollectionConfig } from 'payload'

import { contentAccess } from '@/access/contentAccess'
import { contentHooks } from '@/hooks/contentHooks'
import { guideEditor } from '@/fields/guideEditor'
import { slugFields } from '@/fields/slug'
import { sourcesField } from '@/fields/sources'
import { sharedFieldsForEditors } from '@/fields/sharedFieldsForEditors'
import { requiredInSourceLocale, validateHttpUrl } from '@/fields/validators'
import { destinationField, lastVerifiedField } from '@/fields/verification'
import { translationFields } from '@/fields/translation'
import { machineTranslateEndpoint } from '@/translation/machine/endpoints'
import { machineTranslateField } from '@/translation/machine/field'
import { adminTextsOf, collectionLabels, labelledOptions, labels } from '@/lib/adminLabels'
import { contentVersions } from '@/lib/versions'

import { offersField } from './offers'

const texts = adminTextsOf('carriers')

export const carrierKinds = ['network-operator', 'esim-reseller', 'mvno'] as const
export const verificationStates = ['verified', 'unverified', 'disputed'] as const

export const Carriers: CollectionConfig = {
  slug: 'carriers',
  // Documented in the OpenAPI contract (src/openapi/document.ts).
  custom: { publicApi: true },
  labels: collectionLabels.carriers,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'destination', 'verification', '_status'],
    // The list reads the columns shown, not every document's bodies in full (a page of 10 guides was 10 × a few KB per locale).
    enableListViewSelectAPI: true,
  },
  hooks: contentHooks('carriers'),
  access: contentAccess,
  endpoints: [machineTranslateEndpoint],
  versions: contentVersions,
  fields: sharedFieldsForEditors([
    { name: 'name', type: 'text', label: labels.name, localized: true, validate: requiredInSourceLocale },
    {
      name: 'description',
      type: 'richText',
      label: labels.description,
      localized: true,
      editor: guideEditor,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: labels.type,
          required: true,
          options: labelledOptions(carrierKinds, texts.kinds),
        },
        {
          name: 'website',
          type: 'text',
          label: texts.website,
          validate: validateHttpUrl,
        },
      ],
    },
    { name: 'logo', type: 'upload', label: texts.logo, relationTo: 'media' },
    {
      type: 'row',
      fields: [
        {
          name: 'technologies',
          type: 'select',
          label: texts.technologies,
          hasMany: true,
          options: ['2G', '3G', '4G', '5G'].map((value) => ({ label: value, value })),
        },
        {
          name: 'mccMnc',
          label: 'MCC-MNC',
          type: 'text',
          validate: (value: string | null | undefined) =>
            !value || /^\d{3}-\d{2,3}$/.test(value) ? true : `"${value}" is not an MCC-MNC like 546-01.`,
        },
      ],
    },
    {
      name: 'bands',
      type: 'text',
      label: texts.bands,
      hasMany: true,
      admin: {
        description: texts.bandsDescription,
      },
    },
    offersField(),
    sourcesField(),
    ...slugFields('name'),
    destinationField(),
    {
      name: 'verification',
      type: 'select',
      label: texts.verification,
      required: true,
      defaultValue: 'unverified',
      options: labelledOptions(verificationStates, { ...texts.verificationStates, unverified: labels.unverified }),
      admin: {
        position: 'sidebar',
        description: texts.verificationDescription,
      },
    },
    lastVerifiedField(),
    ...translationFields(),
    machineTranslateField(),
  ]),
}
