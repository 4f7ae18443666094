import type { Block } from 'payload'

import { adminTextsOf, collectionLabels } from '@/lib/adminLabels'

const texts = adminTextsOf('carrierEmbed')

export const CarrierEmbed: Block = {
  slug: 'carrierEmbed',
  interfaceName: 'CarrierEmbedBlock',
  labels: {
    singular: texts.singular,
    plural: texts.plural,
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
