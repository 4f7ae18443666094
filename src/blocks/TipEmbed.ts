import type { Block } from 'payload'

export const TipEmbed: Block = {
  slug: 'tipEmbed',
  interfaceName: 'TipEmbedBlock',
  fields: [{ name: 'tip', type: 'relationship', relationTo: 'tips', required: true }],
}
