import type { PayloadRequest } from 'payload'

import { isLocale } from '@/lib/locales'
import {
  assertMayTranslate,
  isTranslatedCollection,
  readTranslationPair,
  saveTranslationDraft,
  TranslationRequestError,
  type TranslationPair,
} from '@/translation/documents'
import { canonicalJson } from '@/translation/fingerprint'
import { checkMarkup, MarkupMismatch, partsText, rebuildInline, type InlinePart } from '@/translation/segments/inline'
import { applyTranslations, fieldUnits, type Unit, type UnitTranslation } from '@/translation/segments/units'
import type { TranslatableContent } from '@/translation/sourceContent'

import { fromXliffInline } from './inlineXliff'
import { attributesOf, childrenOf, elements, localName, nameOf, parseXml, type XmlNode } from '@/translation/xml'

import { xliffNamespace } from './namespaces'

export type ImportedFile = {
  collection: string
  id: number | string
  written: string[]
  unchanged: string[]
  /** The file had no source fingerprint (a tool dropped Lagon's metadata): its units were matched by id. */
  sourceUnknown?: boolean
}

type PlannedFile = { pair: TranslationPair; values: Map<string, unknown>; translatedPaths: string[]; unchanged: string[]; sourceUnknown: boolean }

const refuse = (message: string): never => {
  throw new TranslationRequestError(`xliff: ${message}`)
}

/** The `lagon` metadata of a `<file>`: collection, id, source fingerprint. */
const fileMetadata = (file: XmlNode): Record<string, string> => {
  const meta: Record<string, string> = {}
  for (const metadata of elements(file).filter((child) => localName(nameOf(child)) === 'metadata')) {
    for (const group of elements(metadata).filter((child) => localName(nameOf(child)) === 'metaGroup')) {
      for (const entry of elements(group).filter((child) => localName(nameOf(child)) === 'meta')) {
        const type = attributesOf(entry).type
        if (type) meta[type] = childrenOf(entry).map((text) => String(text['#text'] ?? '')).join('')
      }
    }
  }
  return meta
}

/** `xml:space` of an element, else the one it inherits (`default` at the top). */
const spaceOf = (node: XmlNode, inherited: string): string => attributesOf(node)['xml:space'] ?? inherited

/** XML's white space (not U+00A0 and the like, which are text). */
const xmlWhiteSpace = /[ \t\r\n]+/g

/**
 * Content whose `xml:space` is `default` may have been laid out by the tool that wrote it (XLIFF
 * 2.0 §4.3.1.48: only `preserve` keeps white space as is): runs of white space become one space,
 * and none is kept at the ends. Lagon's own files say `preserve`.
 */
const collapseWhiteSpace = (parts: InlinePart[]): InlinePart[] => {
  const collapse = (list: InlinePart[]): InlinePart[] =>
    list.map((part) =>
      part.kind === 'text' ? { ...part, text: part.text.replace(xmlWhiteSpace, ' ') } : part.kind === 'pc' ? { ...part, children: collapse(part.children) } : part,
    )
  const collapsed = collapse(parts)
  const first = collapsed[0]
  if (first?.kind === 'text') collapsed[0] = { ...first, text: first.text.replace(/^ /, '') }
  const last = collapsed.at(-1)
  if (last?.kind === 'text') collapsed[collapsed.length - 1] = { ...last, text: last.text.replace(/ $/, '') }
  return collapsed.filter((part) => part.kind !== 'text' || part.text !== '')
}

/** A unit's target: the targets of its segments in order, with its ignorables; null when any segment lacks one. */
const unitTarget = (unit: XmlNode, unitId: string, space: string): InlinePart[] | null => {
  const parts: InlinePart[] = []
  const unitSpace = spaceOf(unit, space)
  const read = (node: XmlNode, inherited: string) => {
    const inline = fromXliffInline(childrenOf(node), unitId)
    return spaceOf(node, inherited) === 'preserve' ? inline : collapseWhiteSpace(inline)
  }
  for (const child of elements(unit)) {
    const name = nameOf(child)
    if (name !== 'segment' && name !== 'ignorable') continue
    const childSpace = spaceOf(child, unitSpace)
    const target = elements(child, 'target')[0]
    if (!target) {
      if (name === 'segment') return null
      const source = elements(child, 'source')[0]
      if (source) parts.push(...read(source, childSpace))
      continue
    }
    parts.push(...read(target, childSpace))
  }
  return parts
}

/**
 * What a `<file>` is a translation of: Lagon's metadata, else its id as Lagon writes it
 * (`tips-7`), which libraries and tools keep when they drop the metadata (the `xliff` package's
 * js2xliff does). Without a source fingerprint, units are matched by id alone.
 */
const fileSubject = (file: XmlNode): { collection?: string; id?: string; sourceFingerprint?: string } => {
  const meta = fileMetadata(file)
  const fromId = /^([a-z][a-z-]*)-(\d+)$/.exec(attributesOf(file).id ?? '')
  return { collection: meta.collection ?? fromId?.[1], id: meta.id ?? fromId?.[2], sourceFingerprint: meta.sourceFingerprint }
}

/** Checks one `<file>` against its document and works out what it changes; writes nothing. */
const planFile = async (
  req: PayloadRequest,
  file: XmlNode,
  srcLang: string,
  trgLang: string,
  seen: Set<string>,
  rootSpace: string,
): Promise<PlannedFile> => {
  const space = spaceOf(file, rootSpace)
  const fileId = attributesOf(file).id ?? '?'
  const { collection, id, sourceFingerprint } = fileSubject(file)
  if (!collection || !id) {
    return refuse(`<file id="${fileId}"> names no document: neither Lagon's metadata (collection, id) nor an id such as "tips-7". Export the file from Lagon.`)
  }
  if (!isTranslatedCollection(collection)) return refuse(`<file id="${fileId}">: unknown collection "${collection}".`)
  if (seen.has(`${collection}/${id}`)) refuse(`${collection} ${id} appears in two <file> elements.`)
  seen.add(`${collection}/${id}`)
  const pair = await readTranslationPair(req, collection, id, trgLang).catch((error: unknown) => {
    if (error instanceof TranslationRequestError) return refuse(`<file id="${fileId}">: unknown document ${collection} ${id} (${error.message}).`)
    throw error
  })
  if (pair.sourceLocale !== srcLang) {
    refuse(`srcLang "${srcLang}" is not the source locale of ${collection} ${id} ("${pair.sourceLocale}").`)
  }
  if (sourceFingerprint !== undefined && sourceFingerprint !== pair.sourceFingerprint) {
    refuse(`${collection} ${id}: this file was made from an older version of the source; export it again.`)
  }

  const unitsById = new Map<string, Unit>()
  for (const [path, source] of Object.entries(pair.source)) {
    for (const unit of fieldUnits(path, source)) unitsById.set(unit.id, unit)
  }
  const translations = new Map<string, Map<string, UnitTranslation>>()
  for (const unitNode of elements(file, 'unit')) {
    const unitId = attributesOf(unitNode).id ?? ''
    const unit = unitsById.get(unitId)
    if (!unit) return refuse(`${collection} ${id}: unknown unit "${unitId}".`)
    if (translations.get(unit.field)?.has(unitId)) refuse(`${collection} ${id}: unit "${unitId}" appears twice.`)
    const target = unitTarget(unitNode, unitId, space)
    if (!translations.has(unit.field)) translations.set(unit.field, new Map())
    if (target === null) continue
    try {
      checkMarkup(unit.content, target)
    } catch (error) {
      if (error instanceof MarkupMismatch) refuse(`${collection} ${id}: unit "${unitId}": the target's markup does not match the source: ${error.message}.`)
      throw error
    }
    translations.get(unit.field)!.set(unitId, typeof unit.value === 'string' ? partsText(target) : rebuildInline(unit.content, target))
  }

  const values = new Map<string, unknown>()
  const translatedPaths: string[] = []
  const unchanged: string[] = []
  for (const [path, translated] of translations) {
    if (translated.size === 0) continue
    const units = fieldUnits(path, pair.source[path])
    const missing = units.filter((unit) => !translated.has(unit.id)).map((unit) => unit.id)
    if (missing.length > 0) {
      refuse(`${collection} ${id}: field "${path}" is partly translated (no target for ${missing.join(', ')}): translate all of its units or none.`)
    }
    translatedPaths.push(path)
    const value = applyTranslations(pair.source[path], units, translated)
    if (canonicalJson(value) === canonicalJson(pair.target[path])) unchanged.push(path)
    else values.set(path, value)
  }
  return { pair, values, translatedPaths, unchanged, sourceUnknown: sourceFingerprint === undefined }
}

/** The XLIFF 2.0 root element, checked: namespace, version, languages. */
const xliffRoot = (nodes: XmlNode[]): XmlNode => {
  const roots = nodes.filter((node) => nameOf(node) && !('#text' in node) && !('#comment' in node))
  const root = roots[0]
  if (roots.length !== 1 || !root) return refuse('the document has no single root element.')
  if (nameOf(root) !== 'xliff') refuse(`the root element is <${nameOf(root)}>, not <xliff>.`)
  const { xmlns, version } = attributesOf(root)
  if (xmlns !== xliffNamespace) refuse(`the root is not in the XLIFF 2.0 namespace (${xliffNamespace}).`)
  if (version !== '2.0') refuse(`version "${version ?? ''}" is not XLIFF 2.0.`)
  return root
}

/**
 * Imports translated XLIFF 2.0 (as exported by `exportXliff`, or as a tool or library wrote it back
 * without Lagon's metadata: see fileSubject). Every file is checked first —
 * document, languages, source version, units, markup — and any problem refuses the whole import
 * before anything is written; then each changed document gets a needs-review DRAFT. The caller
 * runs this in one transaction, so a failure while writing leaves nothing behind either.
 */
export const importXliff = async (req: PayloadRequest, xml: string, { cli = false } = {}): Promise<ImportedFile[]> => {
  const root = xliffRoot(parseXml(xml, req))
  const { srcLang, trgLang } = attributesOf(root)
  if (!srcLang || !isLocale(srcLang)) return refuse(`srcLang "${srcLang ?? ''}" is not a locale of this site.`)
  if (!trgLang || !isLocale(trgLang)) return refuse(`trgLang "${trgLang ?? ''}" is not a locale of this site.`)
  if (trgLang === srcLang) refuse(`trgLang "${trgLang}" is the source locale.`)
  assertMayTranslate(req, trgLang, cli)
  const files = elements(root, 'file')
  if (files.length === 0) refuse('no <file> element.')

  const seen = new Set<string>()
  const planned: PlannedFile[] = []
  const rootSpace = spaceOf(root, 'default')
  for (const file of files) planned.push(await planFile(req, file, srcLang, trgLang, seen, rootSpace))

  const imported: ImportedFile[] = []
  for (const { pair, values, translatedPaths, unchanged, sourceUnknown } of planned) {
    imported.push({ collection: pair.collection, id: pair.id, written: [...values.keys()], unchanged, ...(sourceUnknown && { sourceUnknown }) })
    if (values.size === 0) continue
    const machine = { ...(pair.state.machine ?? {}) }
    // Words a person wrote: a later machine run must leave them alone.
    for (const path of values.keys()) delete machine[path]
    const previous = pair.state.sourceSnapshot ?? {}
    const snapshot: TranslatableContent = {}
    for (const [path, source] of Object.entries(pair.source)) {
      snapshot[path] = translatedPaths.includes(path) ? source : (previous[path] ?? source)
    }
    await saveTranslationDraft(req, pair, values, { machine, snapshot }, { cli })
  }
  return imported
}
