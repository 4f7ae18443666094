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
import { collectionLabels, labelledOptions, labels } from '@/lib/adminLabels'
import { contentVersions } from '@/lib/versions'

import { offersField } from './offers'

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
          options: labelledOptions(carrierKinds, {
            'network-operator': { zh: '网络运营商', en: 'Network operator', fr: 'Opérateur de réseau' },
            'esim-reseller': { zh: 'eSIM 转售商', en: 'eSIM reseller', fr: 'Revendeur eSIM' },
            mvno: { zh: '虚拟运营商（MVNO）', en: 'MVNO', fr: 'Opérateur virtuel (MVNO)' },
          }),
        },
        {
          name: 'website',
          type: 'text',
          label: { zh: '网站', en: 'Website', fr: 'Site web' },
          validate: validateHttpUrl,
        },
      ],
    },
    { name: 'logo', type: 'upload', label: { zh: '标志', en: 'Logo', fr: 'Logo' }, relationTo: 'media' },
    {
      type: 'row',
      fields: [
        {
          name: 'technologies',
          type: 'select',
          label: { zh: '网络制式', en: 'Technologies', fr: 'Technologies' },
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
      label: { zh: '频段', en: 'Bands', fr: 'Bandes' },
      hasMany: true,
      admin: {
        description: {
          zh: '例如“LTE band 3 (1800 MHz)”',
          en: 'e.g. "LTE band 3 (1800 MHz)"',
          fr: 'par ex. « LTE band 3 (1800 MHz) »',
        },
      },
    },
    offersField(),
    sourcesField(),
    ...slugFields('name'),
    destinationField(),
    {
      name: 'verification',
      type: 'select',
      label: { zh: '核实状态', en: 'Verification', fr: 'Vérification' },
      required: true,
      defaultValue: 'unverified',
      options: labelledOptions(verificationStates, {
        verified: { zh: '已核实', en: 'Verified', fr: 'Vérifié' },
        unverified: labels.unverified,
        disputed: { zh: '有争议', en: 'Disputed', fr: 'Contesté' },
      }),
      admin: {
        position: 'sidebar',
        description: {
          zh: '只有来源证实了本条记录的内容时，才标为“已核实”。',
          en: 'Verified only when the sources confirm what this record says.',
          fr: '« Vérifié » uniquement lorsque les sources confirment ce qu’indique cette fiche.',
        },
      },
    },
    lastVerifiedField(),
    ...translationFields(),
    machineTranslateField(),
  ]),
}
