import type { Block } from 'payload'

export const CarrierEmbed: Block = {
  slug: 'carrierEmbed',
  interfaceName: 'CarrierEmbedBlock',
  fields: [{ name: 'carrier', type: 'relationship', relationTo: 'carriers', required: true }],
}
