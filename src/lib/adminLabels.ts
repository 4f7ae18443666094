import type { Block, CollectionConfig, Field, LabelFunction } from 'payload'

import { mapFields } from '@/fields/tree'

import { inEveryLanguage, type Messages } from '@/messages'

import { adminLanguageCodes, adminLanguageOf, localeOfAdminLanguage, type AdminLanguageCode } from './locales'

/**
 * Labels and descriptions of the admin UI, in each language it speaks (`i18n.supportedLanguages`
 * in payload.config.ts, the `adminLanguage` of each declared locale): Payload's own label object.
 * Payload shows the editor's language; generated types take the English.
 */
export type AdminText = Record<AdminLanguageCode, string>

/** The singular and plural labels of a collection, block or array. */
export type AdminLabels = { singular: AdminText; plural: AdminText }

/** A select's options, each labelled in every language; `values` keeps the stored values and their order. */
export const labelledOptions = <Value extends string>(
  values: readonly Value[],
  texts: Record<Value, AdminText>,
): { label: AdminText; value: Value }[] => values.map((value) => ({ label: texts[value], value }))

/** The collections' names, also the labels of the fields and blocks that point at them (src/messages/). */
export const collectionLabels = inEveryLanguage((messages) => messages.adminCollections) satisfies Record<string, AdminLabels>

/** Labels that more than one field, tab or option uses (src/messages/). */
export const labels = inEveryLanguage((messages) => messages.adminLabels) satisfies Record<string, AdminText>

/**
 * The labels, descriptions and options of one collection's fields (or a shared field's, a block's):
 * its group of `adminFields` in src/messages/, each text in every admin language.
 */
export const adminTextsOf = <Group extends keyof Messages['adminFields']>(group: Group) =>
  inEveryLanguage((messages) => messages.adminFields[group])

/** The admin language whose texts `i18n.language` shows: itself when a locale declares it, else the reader default's (English). */
export const adminLanguage = (language: string | undefined): keyof AdminText => adminLanguageOf(localeOfAdminLanguage(language))

/** A label Payload resolves on the server, in the admin's language; `text` keeps every language for readers of the config. */
export type AdminLabel = LabelFunction & { text: AdminText }

const isAdminText = (value: unknown): value is AdminText =>
  typeof value === 'object' && value !== null && adminLanguageCodes.every((language) => language in value)

/**
 * Payload hands a `{ zh, en, fr }` label as is to the browser, and some of its components put it
 * where a string goes (the sort buttons' aria-labels read "Sort by [object Object]"). A function
 * label is called on the server with the admin's language, so every component gets the string.
 */
export const inAdminLanguage = (text: AdminText): AdminLabel =>
  // Should a caller of Payload's pass no i18n: English, the admin's fallback language.
  Object.assign((args?: { i18n?: { language?: string } }) => text[adminLanguage(args?.i18n?.language)], { text })

/** The English of a label, whatever its form: for names and descriptions outside the admin (OpenAPI). */
export const englishOf = (label: unknown): string | undefined => {
  if (typeof label === 'string') return label
  if (isAdminText(label)) return label.en
  if (typeof label === 'function' && 'text' in label && isAdminText(label.text)) return label.text.en
  return undefined
}

const resolved = <T>(label: T): T | AdminLabel => (isAdminText(label) ? inAdminLanguage(label) : label)

const labelsResolved = <T extends { singular?: unknown; plural?: unknown } | undefined>(labels: T) =>
  labels && { ...labels, singular: resolved(labels.singular), plural: resolved(labels.plural) }

// Tab labels stay objects, one text per admin language: Payload calls a tab's label function without the language.
const fieldResolved = (field: Field): Field => {
  const copy: Record<string, unknown> = { ...field }
  if ('label' in field) copy.label = resolved(field.label)
  if ('labels' in field) copy.labels = labelsResolved(field.labels)
  if ('options' in field) {
    copy.options = field.options.map((option) => (typeof option === 'object' ? { ...option, label: resolved(option.label) } : option))
  }
  return copy as Field
}

const blockResolved = (block: Block): Block => ({ ...block, labels: labelsResolved(block.labels) })

/** A collection whose labels (its own, its fields', tabs', blocks' and options') reach the admin as strings in its language. */
export const withLabelsInAdminLanguage = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  labels: labelsResolved(collection.labels),
  fields: mapFields(collection.fields, fieldResolved, blockResolved),
})
