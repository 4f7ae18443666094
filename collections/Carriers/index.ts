import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isEditor } from '@/access/isEditor'
import { isStaff } from '@/access/isStaff'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { guideEditor } from '@/fields/guideEditor'
import { slugField } from '@/fields/slug'
import { sourcesField } from '@/fields/sources'
import { requiredInSourceLocale, validateHttpUrl } from '@/fields/validators'
import { destinationField, lastVerifiedField } from '@/fields/verification'
import { contentVersions } from '@/lib/versions'
import { readersGetPublished } from '@/hooks/readersGetPublished'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'

import { offersField } from './offers'

export const carrierKinds = ['network-operator', 'esim-reseller', 'mvno'] as const
export const verificationStates = ['verified', 'unverified', 'disputed'] as const

export const Carriers: CollectionConfig = {
  slug: 'carriers',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'destination', 'verification', '_status'],
  },
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
    { name: 'name', type: 'text', localized: true, validate: requiredInSourceLocale },
    { name: 'description', type: 'richText', localized: true, editor: guideEditor },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: carrierKinds.map((kind) => ({ label: kind, value: kind })),
        },
        { name: 'website', type: 'text', validate: validateHttpUrl },
      ],
    },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    {
      type: 'row',
      fields: [
        {
          name: 'technologies',
          type: 'select',
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
      hasMany: true,
      admin: { description: 'e.g. "LTE band 3 (1800 MHz)"' },
    },
    offersField(),
    sourcesField(),
    slugField('name'),
    destinationField(),
    {
      name: 'verification',
      type: 'select',
      required: true,
      defaultValue: 'unverified',
      options: verificationStates.map((state) => ({ label: state, value: state })),
      admin: {
        position: 'sidebar',
        description: 'Verified only when the sources confirm what this record says.',
      },
    },
    lastVerifiedField(),
  ],
}
