import type { CollectionConfig, Field } from 'payload'

import { mapFields } from '@/fields/tree'

import { isTranslatableText } from './translatableFields'

const sourceText = '/src/translation/admin/SourceText#SourceText'

const withSourceText = (field: Field): Field => {
  if (!isTranslatableText(field)) return field
  const admin = (field.admin ?? {}) as { components?: Record<string, unknown> }
  return { ...field, admin: { ...admin, components: { ...admin.components, afterInput: [sourceText] } } } as Field
}

/**
 * Side-by-side translation: every translatable field of the collection shows, while a translation
 * is edited, its source text and a "copy from source" button under the input.
 */
export const sideBySide = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  fields: mapFields(collection.fields, withSourceText),
})
