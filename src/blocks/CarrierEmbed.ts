import { adminTextsOf } from '@/lib/adminLabels'

import { embedBlock } from './embed'

export const CarrierEmbed = embedBlock({
  slug: 'carrierEmbed',
  interfaceName: 'CarrierEmbedBlock',
  labels: adminTextsOf('carrierEmbed'),
  field: 'carrier',
  collection: 'carriers',
})
