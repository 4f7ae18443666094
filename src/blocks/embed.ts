import type { Block } from 'payload'

import { type AdminLabels, collectionLabels } from '@/lib/adminLabels'

type Embed = {
  slug: string
  interfaceName: string
  labels: AdminLabels
  /** The relationship's name, the embedded document's in the block's data. */
  field: string
  collection: 'carriers' | 'tips'
}

/** A block that shows one document of `collection` inside a guide's rich text (a carrier's card, a tip). */
export const embedBlock = ({ slug, interfaceName, labels, field, collection }: Embed): Block => ({
  slug,
  interfaceName,
  labels,
  fields: [{ name: field, type: 'relationship', label: collectionLabels[collection].singular, relationTo: collection, required: true }],
})
