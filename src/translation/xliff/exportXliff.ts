import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { isLocale, sourceLocale as defaultSourceLocale, type Locale } from '@/lib/locales'
import {
  assertMayTranslate,
  isTranslatedCollection,
  readTranslationPair,
  refusals,
  TranslationRequestError,
  translatedCollections,
  type TranslatedCollection,
  type TranslationPair,
} from '@/translation/documents'
import { partsInSourceCodes, type InlinePart } from '@/translation/segments/inline'
import { alignUnits, fieldUnits, type Unit } from '@/translation/segments/units'
import { translationStatuses, type TranslationStatus } from '@/translation/statuses'

import { checkDocumentLocale } from '@/translation/qa/document'
import { readGlossary } from '@/translation/glossary'
import type { Finding } from '@/translation/qa/types'

import { originalData, toXliffInline } from './inlineXliff'
import { escapeXml } from '@/translation/xml'

import { metadataNamespace, xliffNamespace } from './namespaces'

export type ExportFilter = {
  locale: string
  collection?: string
  ids?: string[]
  /** The source locale of the documents to export (one per file: XLIFF has one `srcLang`). */
  sourceLocale?: string
  status?: string
}

/** Where a document's translation stands in the target locale (see src/translation/statuses.ts). */
export const statusOf = (pair: TranslationPair): TranslationStatus | null => {
  if (Object.keys(pair.target).length === 0) return 'missing'
  if (pair.state.sourceFingerprint && pair.state.sourceFingerprint !== pair.sourceFingerprint) return 'outdated'
  return pair.state.status ?? null
}

const segmentState = (pair: TranslationPair): string =>
  pair.state.status === 'done' ? 'final' : pair.state.status === 'needs-review' ? 'translated' : 'initial'

/** The current translation of a unit in the source's codes, when it can be expressed so. */
const targetParts = (unit: Unit, aligned: Map<string, unknown>): InlinePart[] | null => {
  const translation = aligned.get(unit.id)
  if (translation === undefined) return null
  if (typeof translation === 'string') return [{ kind: 'text', text: translation }]
  return partsInSourceCodes(unit.content, translation as Parameters<typeof partsInSourceCodes>[1])
}

/**
 * QA findings as XLIFF 2.0 notes (§4.3.1.16 `note`): `category="lagon:qa"`, `priority` 1 for an
 * error and 5 for a warning, about the target; the message in English, its code first.
 */
const qaNotes = (findings: Finding[]): string =>
  findings
    .map(
      (finding) =>
        `<note category="lagon:qa" priority="${finding.severity === 'error' ? 1 : 5}" appliesTo="target">` +
        `${escapeXml(`${finding.severity} ${finding.code}: ${finding.message.en}`)}</note>`,
    )
    .join('')

const fileXml = (pair: TranslationPair, findings: Finding[]): string | null => {
  const units: string[] = []
  const unitFindings = (unit: Unit) =>
    findings.filter((finding) => finding.path === unit.field && (finding.segment === unit.id || (finding.segment === null && unit.kind === 'text')))
  for (const [path, source] of Object.entries(pair.source)) {
    const aligned = alignUnits(path, source, pair.target[path])
    for (const unit of fieldUnits(path, source)) {
      const target = targetParts(unit, aligned)
      const state = target ? segmentState(pair) : 'initial'
      units.push(
        `    <unit id="${escapeXml(unit.id)}" name="${escapeXml(path)}">\n` +
          `      <notes><note category="lagon:kind">${escapeXml(unit.kind)}</note>${qaNotes(unitFindings(unit))}</notes>\n` +
          (unit.content.codes.size > 0 ? `      ${originalData(unit.content)}\n` : '') +
          `      <segment state="${state}">\n` +
          `        <source>${toXliffInline(unit.content.parts, unit.content.codes)}</source>\n` +
          (target ? `        <target>${toXliffInline(target, unit.content.codes)}</target>\n` : '') +
          `      </segment>\n` +
          `    </unit>`,
      )
    }
  }
  // XLIFF wants at least one unit per file: a document with no words has nothing to translate.
  if (units.length === 0) return null
  // Findings about a rich-text field as a whole (not translated, other blocks) are the file's.
  const fieldFindings = findings.filter(
    (finding) => finding.segment === null && !fieldUnits(finding.path, pair.source[finding.path]).some((unit) => unit.kind === 'text'),
  )
  const meta = (type: string, value: string) => `<mda:meta type="${type}">${escapeXml(value)}</mda:meta>`
  return (
    `  <file id="${pair.collection}-${pair.id}" original="${pair.collection}/${pair.id}">\n` +
    `    <mda:metadata><mda:metaGroup category="lagon">` +
    meta('collection', pair.collection) +
    meta('id', String(pair.id)) +
    meta('sourceFingerprint', pair.sourceFingerprint) +
    `</mda:metaGroup></mda:metadata>\n` +
    (fieldFindings.length > 0 ? `    <notes>${qaNotes(fieldFindings)}</notes>\n` : '') +
    units.join('\n') +
    '\n' +
    `  </file>`
  )
}

const documentIds = async (
  req: PayloadRequest,
  collection: TranslatedCollection,
  sourceLocale: Locale,
  ids: string[] | undefined,
): Promise<(number | string)[]> => {
  if (ids) return ids
  const where: Where = { sourceLocale: { equals: sourceLocale } }
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    where,
    depth: 0,
    draft: true,
    pagination: false,
    select: {},
    sort: 'id',
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => doc.id)
}

/**
 * XLIFF 2.0 for one target locale: one `<file>` per document (collection, id and the source's
 * fingerprint in its metadata), one `<unit>` per text field or rich-text block, the current
 * translation as `<target>` where it has the source's structure.
 */
export const exportXliff = async (req: PayloadRequest, filter: ExportFilter, { cli = false } = {}): Promise<{ xml: string; files: number }> => {
  const { locale } = filter
  const refused = refusals(req)
  if (!isLocale(locale)) throw new TranslationRequestError(`locale: ${refused.notALocale(locale)}`)
  assertMayTranslate(req, locale, cli)
  const sourceLocale = filter.sourceLocale ?? defaultSourceLocale
  if (!isLocale(sourceLocale)) throw new TranslationRequestError(`sourceLocale: ${refused.notALocale(sourceLocale)}`)
  if (sourceLocale === locale) throw new TranslationRequestError(`locale: ${refused.sameAsSource(locale)}`)
  if (filter.collection !== undefined && !isTranslatedCollection(filter.collection)) {
    throw new TranslationRequestError(`collection: ${refused.notOneOf(filter.collection, [...translatedCollections])}`)
  }
  if (filter.ids && !filter.collection) throw new TranslationRequestError(`collection: ${refused.requiredWithIds}`)
  if (filter.status !== undefined && !(translationStatuses as readonly string[]).includes(filter.status)) {
    throw new TranslationRequestError(`status: ${refused.notOneOf(filter.status, [...translationStatuses])}`)
  }
  const collections = filter.collection ? [filter.collection as TranslatedCollection] : [...translatedCollections]
  const files: string[] = []
  const glossary = await readGlossary(req)
  for (const collection of collections) {
    for (const id of await documentIds(req, collection, sourceLocale, filter.ids)) {
      const pair = await readTranslationPair(req, collection, String(id), locale)
      if (pair.sourceLocale !== sourceLocale) {
        throw new TranslationRequestError(`ids: ${refused.writtenIn(collection, String(id), pair.sourceLocale, sourceLocale)}`)
      }
      if (filter.status && statusOf(pair) !== filter.status) continue
      const findings = checkDocumentLocale({
        content: pair.target,
        locale: pair.targetLocale,
        source: { content: pair.source, locale: pair.sourceLocale },
        glossary,
      })
      const file = fileXml(pair, findings)
      if (file) files.push(file)
    }
  }
  if (files.length === 0) throw new TranslationRequestError(refused.nothingToExport, 404)
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<xliff xmlns="${xliffNamespace}" xmlns:mda="${metadataNamespace}" version="2.0" srcLang="${sourceLocale}" trgLang="${locale}" xml:space="preserve">\n` +
    files.map((file) => `${file}\n`).join('') +
    `</xliff>\n`
  return { xml, files: files.length }
}
