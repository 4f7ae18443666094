import type { Block } from 'payload'

import { BoldFeature, ItalicFeature, LinkFeature, ParagraphFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { labelledOptions, labels } from '@/lib/adminLabels'

export const calloutKinds = ['note', 'warning', 'unverified'] as const

/** A highlighted aside; `unverified` marks a claim no public source confirms. */
export const Callout: Block = {
  slug: 'callout',
  interfaceName: 'CalloutBlock',
  labels: {
    singular: { zh: '提示框', en: 'Callout', fr: 'Encadré' },
    plural: { zh: '提示框', en: 'Callouts', fr: 'Encadrés' },
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      label: labels.type,
      required: true,
      defaultValue: 'note',
      options: labelledOptions(calloutKinds, {
        note: { zh: '说明', en: 'Note', fr: 'Note' },
        warning: { zh: '警告', en: 'Warning', fr: 'Avertissement' },
        unverified: labels.unverified,
      }),
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
