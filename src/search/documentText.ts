import { isRecord } from '@/lib/isRecord'
import { lexicalText } from '@/lib/lexicalText'
import type { Locale } from '@/lib/locales'
import { readerCollections } from '@/lib/readerCollections'

/** The collections readers search. */
export const searchedCollections = readerCollections
export type SearchedCollection = (typeof searchedCollections)[number]

export const isSearched = (collection: string): collection is SearchedCollection =>
  (searchedCollections as readonly string[]).includes(collection)

/**
 * What of each collection is searched: its title (ranked first), its summary, then the rest of
 * what a reader reads of it (paths with `*` for each row of an array: a carrier's offers).
 */
const searchedFields: Record<SearchedCollection, { title: string; summary: string[]; body: string[] }> = {
  articles: { title: 'title', summary: ['summary'], body: ['body'] },
  carriers: { title: 'name', summary: [], body: ['description', 'offers.*.name', 'offers.*.notes'] },
  tips: { title: 'title', summary: [], body: ['body'] },
}

/** The fields a document's rows are made from: what is searched, its slug, status and dates. */
export const searchedSelect = (collection: SearchedCollection): Record<string, true> => {
  const fields = searchedFields[collection]
  const top = [fields.title, ...fields.summary, ...fields.body].map((path) => path.split('.')[0]!)
  return Object.fromEntries([...top, 'slug', '_status', 'publishedAt', 'updatedAt', 'createdAt'].map((name) => [name, true]))
}

/** A document's text in one locale, as a reader reads it. */
export type DocumentText = { title: string; summary: string; body: string }

/** The value a localized field holds in `locale`, from a document read with `locale=all`. */
const inLocale = (value: unknown, locale: Locale): unknown => (isRecord(value) && !('root' in value) ? value[locale] : value)

/** Every value at a dotted path (`offers.*.notes`), one per array row. */
const valuesAt = (row: unknown, path: string[], locale: Locale): unknown[] => {
  if (path.length === 0) return [inLocale(row, locale)]
  const [head, ...rest] = path
  if (head === '*') return Array.isArray(row) ? row.flatMap((item) => valuesAt(item, rest, locale)) : []
  return isRecord(row) ? valuesAt(row[head], rest, locale) : []
}

const asText = (value: unknown): string => (typeof value === 'string' ? value.trim() : isRecord(value) && 'root' in value ? lexicalText(value) : '')

const textOf = (doc: Record<string, unknown>, paths: string[], locale: Locale): string =>
  paths
    .flatMap((path) => valuesAt(doc, path.split('.'), locale).map(asText))
    .filter(Boolean)
    .join('\n')

/** The searched text of a document, read with `locale=all`, in one locale. */
export const documentText = (collection: SearchedCollection, doc: Record<string, unknown>, locale: Locale): DocumentText => {
  const fields = searchedFields[collection]
  return { title: textOf(doc, [fields.title], locale), summary: textOf(doc, fields.summary, locale), body: textOf(doc, fields.body, locale) }
}
