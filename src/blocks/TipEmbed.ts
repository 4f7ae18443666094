import type { Block } from 'payload'

import { collectionLabels } from '@/lib/adminLabels'

export const TipEmbed: Block = {
  slug: 'tipEmbed',
  interfaceName: 'TipEmbedBlock',
  labels: {
    singular: { zh: '嵌入小贴士', en: 'Embedded tip', fr: 'Conseil intégré' },
    plural: { zh: '嵌入小贴士', en: 'Embedded tips', fr: 'Conseils intégrés' },
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
