import type { Block } from 'payload'

import { collectionLabels } from '@/lib/adminLabels'

export const CarrierEmbed: Block = {
  slug: 'carrierEmbed',
  interfaceName: 'CarrierEmbedBlock',
  labels: {
    singular: { zh: '嵌入运营商', en: 'Embedded carrier', fr: 'Opérateur intégré' },
    plural: { zh: '嵌入运营商', en: 'Embedded carriers', fr: 'Opérateurs intégrés' },
  },
  fields: [
    {
      name: 'carrier',
      type: 'relationship',
      label: collectionLabels.carriers.singular,
      relationTo: 'carriers',
      required: true,
    },
  ],
}
