import type { Field } from 'payload'

import { notTranslator } from '@/access/translators'

const isLocalized = (field: Field): boolean => 'localized' in field && Boolean(field.localized)

/**
 * Makes the fields every locale shares read-only for translators (the admin greys them out):
 * each non-localized data field, and inside arrays and groups that hold translations, each of
 * their non-localized fields. Localized fields stay editable; which locale a translator may
 * edit is the collection's `update` access. The save itself is checked by `guardTranslatorChanges`.
 */
export const sharedFieldsForEditors = (fields: Field[]): Field[] =>
  fields.map((field): Field => {
    if (isLocalized(field)) return field
    if (field.type === 'tabs') {
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: sharedFieldsForEditors(tab.fields) })) }
    }
    if (field.type === 'row' || field.type === 'collapsible') {
      return { ...field, fields: sharedFieldsForEditors(field.fields) }
    }
    if ((field.type === 'array' || field.type === 'group') && containsLocalized(field.fields)) {
      return { ...field, fields: sharedFieldsForEditors(field.fields) }
    }
    if (!('name' in field) || field.type === 'ui') return field
    return { ...field, access: { ...field.access, update: notTranslator } } as Field
  })

const containsLocalized = (fields: Field[]): boolean =>
  fields.some(
    (field) =>
      isLocalized(field) ||
      ('fields' in field && containsLocalized(field.fields)) ||
      (field.type === 'tabs' && field.tabs.some((tab) => containsLocalized(tab.fields))),
  )
