import type { Block } from 'payload'

import { adminTextsOf, collectionLabels } from '@/lib/adminLabels'

const texts = adminTextsOf('tipEmbed')

export const TipEmbed: Block = {
  slug: 'tipEmbed',
  interfaceName: 'TipEmbedBlock',
  labels: {
    singular: texts.singular,
    plural: texts.plural,
  },
  fields: [
    {
      name: 'tip',
      type: 'relationship',
      label: collectionLabels.tips.singular,
      relationTo: 'tips',
      required: true,
    },
  ],
}
