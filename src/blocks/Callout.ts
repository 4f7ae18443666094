import type { Block } from 'payload'

import { BoldFeature, ItalicFeature, LinkFeature, ParagraphFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

export const calloutKinds = ['note', 'warning', 'unverified'] as const

/** A highlighted aside; `unverified` marks a claim no public source confirms. */
export const Callout: Block = {
  slug: 'callout',
  interfaceName: 'CalloutBlock',
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'note',
      options: calloutKinds.map((kind) => ({ label: kind, value: kind })),
    },
    {
      name: 'content',
      type: 'richText',
      required: true,
      editor: lexicalEditor({
        features: [ParagraphFeature(), BoldFeature(), ItalicFeature(), LinkFeature()],
      }),
    },
  ],
}
