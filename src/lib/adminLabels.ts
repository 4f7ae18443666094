import type { CollectionConfig, Field, LabelFunction } from 'payload'

import { inEveryLanguage } from '@/messages'

import { localeOfAdminLanguage, locales, localeWithFallbacks, type ConvertedLocale, type Locale } from './locales'

/**
 * Labels and descriptions of the admin UI, in each language it speaks (`i18n.supportedLanguages`
 * in payload.config.ts). Payload shows the editor's language; generated types take the English.
 * The texts of `src/messages/` have every locale (a missing one fails the typecheck); a text
 * written inline may leave out a converted locale, which then reads its fallback's.
 */
export type AdminText = Record<Exclude<Locale, ConvertedLocale>, string> & Partial<Record<ConvertedLocale, string>>

const requiredLocales = locales.filter((locale) => !locale.conversion).map((locale) => locale.code)

/** The text in `locale`, or in the first locale of its fallback chain that has it. */
export const textIn = (text: AdminText, locale: Locale): string => {
  const texts = text as Partial<Record<Locale, string>>
  return localeWithFallbacks(locale).map((candidate) => texts[candidate]).find((value) => value !== undefined) ?? text.en
}

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

/** The locale whose texts the admin's language (`i18n.language`) shows; the reader default (English) for any other. */
export const adminLanguage = (language: string | undefined): Locale => localeOfAdminLanguage(language)

/** The text in the admin's language (`i18n.language`). */
export const inLanguage = (text: AdminText, language: string | undefined): string => textIn(text, adminLanguage(language))

/** A label Payload resolves on the server, in the admin's language; `text` keeps every language for readers of the config. */
export type AdminLabel = LabelFunction & { text: AdminText }

const isAdminText = (value: unknown): value is AdminText =>
  typeof value === 'object' && value !== null && requiredLocales.every((locale) => locale in value)

/** A text as Payload reads a label object: keyed by admin language (`zh-TW`), not by locale (`zh-Hant`). */
const byAdminLanguage = (text: AdminText): Record<string, string> =>
  Object.fromEntries(locales.map((locale) => [locale.adminLanguage, textIn(text, locale.code)]))

/**
 * Payload hands a `{ zh, en, fr }` label as is to the browser, and some of its components put it
 * where a string goes (the sort buttons' aria-labels read "Sort by [object Object]"). A function
 * label is called on the server with the admin's language, so every component gets the string.
 */
export const inAdminLanguage = (text: AdminText): AdminLabel =>
  // Should a caller of Payload's pass no i18n: English, the admin's fallback language.
  Object.assign((args?: { i18n?: { language?: string } }) => inLanguage(text, args?.i18n?.language), { text })

/** The English of a label, whatever its form: for names and descriptions outside the admin (OpenAPI). */
export const englishOf = (label: unknown): string | undefined => {
  if (typeof label === 'string') return label
  if (isAdminText(label)) return label.en
  if (typeof label === 'function' && 'text' in label && isAdminText(label.text)) return label.text.en
  return undefined
}

const resolved = <T>(label: T): T | AdminLabel => (isAdminText(label) ? inAdminLanguage(label) : label)

/** A label or description Payload reads as an object (tabs, groups, descriptions), keyed by admin language. */
const keyed = <T>(label: T): T | Record<string, string> => (isAdminText(label) ? byAdminLanguage(label) : label)

const adminResolved = <T extends { admin?: unknown }>(config: T): T => {
  const admin = config.admin as { description?: unknown; group?: unknown } | undefined
  if (!admin || (!isAdminText(admin.description) && !isAdminText(admin.group))) return config
  return { ...config, admin: { ...admin, description: keyed(admin.description), group: keyed(admin.group) } }
}

const labelsResolved = <T extends { singular?: unknown; plural?: unknown } | undefined>(labels: T) =>
  labels && { ...labels, singular: resolved(labels.singular), plural: resolved(labels.plural) }

const fieldResolved = (field: Field): Field => {
  const copy: Record<string, unknown> = { ...adminResolved(field) }
  if ('label' in field) copy.label = resolved(field.label)
  if ('labels' in field) copy.labels = labelsResolved(field.labels)
  if ('options' in field) {
    copy.options = field.options.map((option) => (typeof option === 'object' ? { ...option, label: resolved(option.label) } : option))
  }
  if ('fields' in field) copy.fields = field.fields.map(fieldResolved)
  if (field.type === 'tabs') {
    // Tab labels stay objects: Payload calls a tab's label function without the language.
    copy.tabs = field.tabs.map((tab) => ({ ...adminResolved(tab), label: keyed(tab.label), fields: tab.fields.map(fieldResolved) }))
  }
  if (field.type === 'blocks' && field.blocks) {
    copy.blocks = field.blocks.map((block) => ({ ...block, labels: labelsResolved(block.labels), fields: block.fields.map(fieldResolved) }))
  }
  return copy as Field
}

/** A collection whose labels (its own, its fields', tabs', blocks' and options') reach the admin as strings in its language. */
export const withLabelsInAdminLanguage = (collection: CollectionConfig): CollectionConfig => ({
  ...adminResolved(collection),
  labels: labelsResolved(collection.labels),
  fields: collection.fields.map(fieldResolved),
})
