import { adminTextsOf } from '@/lib/adminLabels'

import { embedBlock } from './embed'

export const TipEmbed = embedBlock({
  slug: 'tipEmbed',
  interfaceName: 'TipEmbedBlock',
  labels: adminTextsOf('tipEmbed'),
  field: 'tip',
  collection: 'tips',
})
