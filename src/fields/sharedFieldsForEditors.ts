import type { Field } from 'payload'

import { notTranslator } from '@/access/translators'

import { holdsLocalized, isLocalized, withSubFields } from './tree'

/**
 * Makes the fields every locale shares read-only for translators (the admin greys them out):
 * each non-localized data field, and inside arrays and groups that hold translations, each of
 * their non-localized fields. Localized fields stay editable; which locale a translator may
 * edit is the collection's `update` access. The save itself is checked by `guardTranslatorChanges`.
 */
export const sharedFieldsForEditors = (fields: Field[]): Field[] =>
  fields.map((field): Field => {
    if (isLocalized(field)) return field
    if (field.type === 'tabs' || field.type === 'row' || field.type === 'collapsible') return withSubFields(field, sharedFieldsForEditors)
    if ((field.type === 'array' || field.type === 'group') && holdsLocalized(field)) return withSubFields(field, sharedFieldsForEditors)
    if (!('name' in field) || field.type === 'ui') return field
    return { ...field, access: { ...field.access, update: notTranslator } } as Field
  })
