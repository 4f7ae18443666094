import type { Field } from 'payload'

import { isLocalized } from '@/fields/tree'

/** Field types whose localized values are words a translator translates. */
const textTypes = new Set(['text', 'textarea', 'richText'])

/** Localized fields that are derived or bookkeeping, not translated text. */
const notTranslated = new Set(['slug', 'slugHistory', 'translation'])

export type TranslatableField = {
  /** Dotted path with `*` for each array row, e.g. `offers.*.name`. */
  path: string
  type: 'text' | 'textarea' | 'richText'
}

/**
 * The localized text fields of a collection, found by walking its config, so that a field added
 * to a collection is translated (and fingerprinted) without a second list to keep in step.
 */
export const translatableFields = (fields: Field[], prefix = ''): TranslatableField[] =>
  fields.flatMap((field): TranslatableField[] => {
    switch (field.type) {
      case 'row':
      case 'collapsible':
        return translatableFields(field.fields, prefix)
      case 'tabs':
        return field.tabs.flatMap((tab) =>
          'name' in tab && tab.name
            ? translatableFields(tab.fields, `${prefix}${tab.name}.`)
            : translatableFields(tab.fields, prefix),
        )
      case 'group':
        if (!('name' in field) || !field.name) return translatableFields(field.fields, prefix)
        if (notTranslated.has(field.name)) return []
        return translatableFields(field.fields, `${prefix}${field.name}.`)
      case 'array':
        return translatableFields(field.fields, `${prefix}${field.name}.*.`)
      default:
        return isTranslatableText(field) ? [{ path: `${prefix}${field.name}`, type: field.type as TranslatableField['type'] }] : []
    }
  })

/** A localized text, textarea or rich-text field that is not bookkeeping. */
export const isTranslatableText = (field: Field): field is Field & { name: string } =>
  'name' in field &&
  !notTranslated.has(field.name) &&
  isLocalized(field) &&
  textTypes.has(field.type)
