import type { Block } from 'payload'

import { BoldFeature, ItalicFeature, LinkFeature, ParagraphFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { adminTextsOf, labelledOptions, labels } from '@/lib/adminLabels'

const texts = adminTextsOf('callout')

export const calloutKinds = ['note', 'warning', 'unverified'] as const

/** A highlighted aside; `unverified` marks a claim no public source confirms. */
export const Callout: Block = {
  slug: 'callout',
  interfaceName: 'CalloutBlock',
  labels: {
    singular: texts.singular,
    plural: texts.plural,
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      label: labels.type,
      required: true,
      defaultValue: 'note',
      options: labelledOptions(calloutKinds, { ...texts.kinds, unverified: labels.unverified }),
    },
    {
      name: 'content',
      type: 'richText',
      label: labels.content,
      required: true,
      editor: lexicalEditor({
        features: [ParagraphFeature(), BoldFeature(), ItalicFeature(), LinkFeature()],
      }),
    },
  ],
}
