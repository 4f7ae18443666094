import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { isEditor } from '@/access/isEditor'
import { isStaff } from '@/access/isStaff'
import { validationMessages } from '@/fields/validators'
import { expireOnWrite } from '@/freshness/expireOnWrite'
import { glossaryField, locales, type Locale } from '@/lib/locales'
import { adminTextsOf, collectionLabels, labels } from '@/lib/adminLabels'
import { tags } from '@/site/tags'

const texts = adminTextsOf('glossary')

/**
 * Every instance keeps the glossary it read (src/translation/glossary.ts): a committed write to
 * a term makes them all read it again, before the write's own response, so the next save's QA
 * and the next machine translation use the term as it now stands.
 */
const forgetKeptGlossary = expireOnWrite([tags.glossary])

const termForm = (code: Locale, label: string) => ({
  name: glossaryField(code),
  type: 'text' as const,
  label,
  validate: (async (value, { siblingData, req }) => {
    const forms = locales.map((locale) => (siblingData as Record<string, unknown>)[glossaryField(locale.code)]).filter(
      (form) => typeof form === 'string' && form.trim(),
    )
    // A do-not-translate term is written one way everywhere: one form is enough.
    const keep = (siblingData as { doNotTranslate?: boolean }).doNotTranslate === true
    if (forms.length < (keep ? 1 : 2)) return validationMessages(req).termForms(glossaryField(code), keep ? 1 : 2)
    if (typeof value === 'string' && /[\t\n\r]/.test(value)) return validationMessages(req).termLineBreaks(glossaryField(code))
    return true
  }) as TextFieldSingleValidation,
})

/**
 * Names and terms that machine translation must render one way (places, brands, apps): each row is
 * one term in each language (a field per locale, named by `glossaryField`). Synced to DeepL as a glossary per language pair when it translates;
 * translation QA (src/translation/qa/) checks every translation against it.
 */
export const Glossary: CollectionConfig = {
  slug: 'glossary',
  labels: collectionLabels.glossary,
  admin: {
    useAsTitle: 'zh',
    defaultColumns: locales.map(({ code }) => glossaryField(code)),
    group: labels.translation,
  },
  access: { read: isStaff, create: isEditor, update: isEditor, delete: isEditor },
  hooks: { afterChange: [forgetKeptGlossary.afterChange], afterDelete: [forgetKeptGlossary.afterDelete] },
  fields: [
    { type: 'row', fields: locales.map(({ code, label }) => termForm(code, label)) },
    {
      name: 'doNotTranslate',
      type: 'checkbox',
      defaultValue: false,
      label: texts.doNotTranslate,
      admin: {
        description: texts.doNotTranslateDescription,
      },
    },
    {
      name: 'note',
      type: 'textarea',
      label: texts.note,
    },
  ],
}
