import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { isEditor } from '@/access/isEditor'
import { isStaff } from '@/access/isStaff'
import { locales } from '@/lib/locales'

const termForm = (code: string, label: string) => ({
  name: code,
  type: 'text' as const,
  label,
  validate: (async (value, { siblingData }) => {
    const forms = locales.map((locale) => (siblingData as Record<string, unknown>)[locale.code]).filter(
      (form) => typeof form === 'string' && form.trim(),
    )
    if (forms.length < 2) return `${code}: a term needs its form in at least two languages.`
    if (typeof value === 'string' && /[\t\n\r]/.test(value)) return `${code}: a term cannot hold tabs or line breaks.`
    return true
  }) as TextFieldSingleValidation,
})

/**
 * Names and terms that machine translation must render one way (places, brands, apps): each row is
 * one term in each language. Synced to DeepL as a glossary per language pair when it translates.
 */
export const Glossary: CollectionConfig = {
  slug: 'glossary',
  labels: {
    singular: { zh: '术语', en: 'Glossary term', fr: 'Terme du glossaire' },
    plural: { zh: '术语表', en: 'Glossary', fr: 'Glossaire' },
  },
  admin: {
    useAsTitle: 'zh',
    defaultColumns: locales.map(({ code }) => code),
    group: { zh: '翻译', en: 'Translation', fr: 'Traduction' },
  },
  access: { read: isStaff, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { type: 'row', fields: locales.map(({ code, label }) => termForm(code, label)) },
    {
      name: 'note',
      type: 'textarea',
      label: { zh: '说明', en: 'Note', fr: 'Remarque' },
    },
  ],
}
