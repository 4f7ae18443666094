import type { CollectionConfig, Field } from 'payload'

import { isTranslatableText } from './translatableFields'

const sourceText = '/src/translation/admin/SourceText#SourceText'

const withSourceText = (fields: Field[]): Field[] =>
  fields.map((field): Field => {
    switch (field.type) {
      case 'row':
      case 'collapsible':
      case 'group':
      case 'array':
        return { ...field, fields: withSourceText(field.fields) } as Field
      case 'tabs':
        return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withSourceText(tab.fields) })) }
      default: {
        if (!isTranslatableText(field)) return field
        const admin = (field.admin ?? {}) as { components?: Record<string, unknown> }
        return { ...field, admin: { ...admin, components: { ...admin.components, afterInput: [sourceText] } } } as Field
      }
    }
  })

/**
 * Side-by-side translation: every translatable field of the collection shows, while a translation
 * is edited, its source text and a "copy from source" button under the input.
 */
export const sideBySide = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  fields: withSourceText(collection.fields),
})
