import {
  BlocksFeature,
  EXPERIMENTAL_TableFeature,
  FixedToolbarFeature,
  lexicalEditor,
} from '@payloadcms/richtext-lexical'

import { Callout } from '@/blocks/Callout'
import { CarrierEmbed } from '@/blocks/CarrierEmbed'
import { TipEmbed } from '@/blocks/TipEmbed'

/** The blocks an editor may put in a guide's body. */
export const guideBlocks = [Callout, CarrierEmbed, TipEmbed]

/** The editor of guide bodies: Payload's defaults (headings, lists, links, quotes, uploads) plus tables and our blocks. */
export const guideEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures,
    FixedToolbarFeature(),
    EXPERIMENTAL_TableFeature(),
    BlocksFeature({ blocks: guideBlocks }),
  ],
})
