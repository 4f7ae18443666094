import { Articles } from '@collections/Articles'
import { Carriers } from '@collections/Carriers'
import { Tips } from '@collections/Tips'
import { sourceLocale, type Locale } from '@/lib/locales'
import { fingerprint } from '@/translation/fingerprint'
import { translatableContent } from '@/translation/sourceContent'
import { translatableFields } from '@/translation/translatableFields'

import type { ScaleCollection, ScaleDocument } from './documents'
import { randomFrom } from './random'

type Row = Record<string, unknown>

/** Rows to insert, by table, in an order that satisfies the foreign keys. */
export type Rows = Map<string, Row[]>

const fieldsOf = { articles: Articles.fields, carriers: Carriers.fields, tips: Tips.fields }

/** A locale's columns as the document Payload reads, for the translation fingerprint. */
const asDocument = (doc: ScaleDocument, locale: Locale): Record<string, unknown> => {
  const columns = doc.locales[locale]?.columns ?? {}
  const { seo_title, seo_description, ...rest } = columns
  return {
    ...rest,
    ...(doc.collection === 'articles' ? { seo: { title: seo_title, description: seo_description } } : {}),
    ...(doc.offers.length ? { offers: doc.offers.map((offer) => ({ id: offer.id, ...offer.locales[locale] })) } : {}),
  }
}

export const sourceFingerprint = (doc: ScaleDocument): string =>
  fingerprint(translatableContent(asDocument(doc, sourceLocale), translatableFields(fieldsOf[doc.collection])))

/**
 * The translation workflow's columns of a translated locale: most are done and current, some
 * need review, and some were made from an older source text, so they read as outdated.
 */
const translationColumns = (doc: ScaleDocument, locale: Locale, current: string, key: string): Row => {
  if (locale === sourceLocale) return {}
  const random = randomFrom(`${key}:translation:${locale}`)
  const outdated = random.chance(0.12)
  const snapshot = translatableContent(asDocument(doc, sourceLocale), translatableFields(fieldsOf[doc.collection]))
  return {
    translation_status: random.chance(0.9) ? 'done' : 'needs-review',
    translation_source_fingerprint: outdated ? fingerprint({ ...snapshot, outdated: true }) : current,
    translation_source_snapshot: snapshot,
    translation_translated_at: doc.updatedAt,
  }
}

export type Ids = {
  id: number
  versionId: number
  /** Serial ids of the version's offer rows (their localized names point at them). */
  versionOfferIds: number[]
}

const push = (rows: Rows, table: string, row: Row) => {
  const list = rows.get(table)
  if (list) list.push(row)
  else rows.set(table, [row])
}

const versioned = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([column, value]) => [`version_${column}`, value]))

/**
 * The rows Payload writes for a document created and published with versions on: its main tables,
 * and its latest version (what the admin's list and edit views read), the same content in both.
 */
export const addRows = (rows: Rows, doc: ScaleDocument, { id, versionId, versionOfferIds }: Ids, key: string): void => {
  const table = doc.collection as ScaleCollection
  const versions = `_${table}_v`
  const current = sourceFingerprint(doc)
  const shared = { ...doc.columns, source_locale: sourceLocale, source_fingerprint: current }
  push(rows, table, { id, ...shared, created_at: doc.createdAt, updated_at: doc.updatedAt })
  push(rows, versions, {
    id: versionId,
    parent_id: id,
    ...versioned({ ...shared, created_at: doc.createdAt, updated_at: doc.updatedAt }),
    created_at: doc.updatedAt,
    updated_at: doc.updatedAt,
    latest: true,
    autosave: false,
  })
  for (const [locale, { status, columns }] of Object.entries(doc.locales) as [Locale, { status: string; columns: Row }][]) {
    const localized = { ...columns, ...translationColumns(doc, locale, current, key) }
    push(rows, `${table}_locales`, { ...localized, _status: status, _locale: locale, _parent_id: id })
    push(rows, `${versions}_locales`, { ...versioned(localized), version__status: status, _locale: locale, _parent_id: versionId })
  }
  doc.sources.forEach((source, index) => {
    push(rows, `${table}_sources`, { _order: index + 1, _parent_id: id, id: source.id, ...source.columns })
    push(rows, `${versions}_version_sources`, { _order: index + 1, _parent_id: versionId, _uuid: source.id, ...source.columns })
  })
  doc.offers.forEach((offer, index) => {
    push(rows, `${table}_offers`, { _order: index + 1, _parent_id: id, id: offer.id, ...offer.columns })
    push(rows, `${versions}_version_offers`, { _order: index + 1, _parent_id: versionId, id: versionOfferIds[index], _uuid: offer.id, ...offer.columns })
    for (const [locale, columns] of Object.entries(offer.locales)) {
      push(rows, `${table}_offers_locales`, { ...columns, _locale: locale, _parent_id: offer.id })
      push(rows, `${versions}_version_offers_locales`, { ...columns, _locale: locale, _parent_id: versionOfferIds[index] })
    }
  })
  doc.technologies.forEach((value, index) => {
    push(rows, `${table}_technologies`, { order: index + 1, parent_id: id, value })
    push(rows, `${versions}_version_technologies`, { order: index + 1, parent_id: versionId, value })
  })
  const order = new Map<string, number>()
  for (const rel of doc.rels) {
    const position = (order.get(rel.path) ?? 0) + 1
    order.set(rel.path, position)
    push(rows, `${table}_rels`, { order: position, parent_id: id, ...rel })
    push(rows, `${versions}_rels`, { order: position, parent_id: versionId, ...rel, path: `version.${rel.path}` })
  }
  doc.texts.forEach((entry, index) => {
    push(rows, `${table}_texts`, { order: index + 1, parent_id: id, ...entry })
    push(rows, `${versions}_texts`, { order: index + 1, parent_id: versionId, ...entry, path: `version.${entry.path}` })
  })
}
