import { canonicalJson, valueFingerprint } from '@/translation/fingerprint'

import { inlineContent, isInline, partsText, type InlineContent, type LexicalNode } from './inline'

export type RichText = { root: LexicalNode & { children: LexicalNode[] } }

export const isRichText = (value: unknown): value is RichText =>
  Boolean(value && typeof value === 'object' && Array.isArray((value as RichText).root?.children))

/**
 * One piece of a field a translator translates on its own: a text field whole, or one block of a
 * rich-text field (a paragraph, heading, list item, quote, table-cell paragraph, callout paragraph).
 * `id` is stable for a given source: `summary`, `offers.<row>.name`, `body:3.1`, `body:12.content.0`.
 */
export type Unit = {
  id: string
  field: string
  content: InlineContent
  /** The source's own value: the string, or the block's inline children. */
  value: string | LexicalNode[]
  /** Where the block sits in the rich-text tree (empty for a text field). */
  location: (string | number)[]
  /** `text`, or the block's node type (`paragraph`, `heading`, `listitem`…): context for translators. */
  kind: string
}

/** What a unit's translation is: a string, or the block's new inline children. */
export type UnitTranslation = string | LexicalNode[]

/** The hash a unit's source is known by in the translation memory and in reuse. */
export const unitHash = (unit: Pick<Unit, 'value'>): string => valueFingerprint(unit.value)

/** The blocks of rich text that hold inline content, with where they sit: what units are made of. */
export const blockSegments = (
  node: LexicalNode,
  location: (string | number)[],
  key: string[],
  out: { location: (string | number)[]; key: string; kind: string; children: LexicalNode[] }[],
): void => {
  if (node.type === 'block') {
    // A block's own rich text (a callout's content) is translated; other block fields (an embedded
    // carrier or tip) are references, not words.
    const fields = (node.fields ?? {}) as Record<string, unknown>
    for (const [name, value] of Object.entries(fields)) {
      if (isRichText(value)) {
        value.root.children.forEach((child, index) =>
          blockSegments(child, [...location, 'fields', name, 'root', 'children', index], [...key, name, String(index)], out),
        )
      }
    }
    return
  }
  const children = node.children
  if (!Array.isArray(children) || children.length === 0) return
  if (children.every(isInline)) {
    const kind = node.type === 'heading' ? String(node.tag ?? 'heading') : node.type
    out.push({ location, key: key.join('.'), kind, children: children as LexicalNode[] })
    return
  }
  ;(children as LexicalNode[]).forEach((child, index) =>
    blockSegments(child, [...location, 'children', index], [...key, String(index)], out),
  )
}

/** The units of one field's value (a translatable field path such as `offers.<row>.name`). */
export const fieldUnits = (field: string, value: unknown): Unit[] => {
  if (typeof value === 'string') {
    if (!value.trim()) return []
    return [{ id: field, field, value, location: [], kind: 'text', content: { parts: [{ kind: 'text', text: value }], codes: new Map() } }]
  }
  if (!isRichText(value)) return []
  const found: Parameters<typeof blockSegments>[3] = []
  value.root.children.forEach((child, index) => blockSegments(child, ['root', 'children', index], [String(index)], found))
  return found
    .map(({ location, key, kind, children }) => ({
      id: `${field}:${key}`,
      field,
      kind,
      value: children,
      location,
      content: inlineContent(children),
    }))
    .filter((unit) => partsText(unit.content.parts).trim() !== '')
}

const getAt = (value: unknown, location: (string | number)[]): unknown =>
  location.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value)

/**
 * The source field with each unit replaced by its translation; units without one keep the source.
 * Everything that is not a unit (headings' levels, lists, tables, embedded carriers and tips,
 * images) is the source's, so a translation has the source's structure.
 */
export const applyTranslations = (
  source: unknown,
  units: Unit[],
  translations: Map<string, UnitTranslation>,
): unknown => {
  if (typeof source === 'string') return translations.get(units[0]?.id ?? '') ?? source
  const out = structuredClone(source)
  for (const unit of units) {
    const translation = translations.get(unit.id)
    if (translation === undefined) continue
    const container = getAt(out, unit.location) as LexicalNode
    container.children = structuredClone(translation)
  }
  return out
}

/** A rich-text value with the units' words taken out: equal skeletons have the same structure. */
const skeleton = (value: unknown, units: Unit[]): string => {
  if (!isRichText(value)) return canonicalJson(typeof value)
  const out = structuredClone(value)
  for (const unit of units) (getAt(out, unit.location) as LexicalNode).children = []
  return canonicalJson(out)
}

/**
 * A translation's units next to the source's, when the translation has the source's structure
 * (it was made from it, by us or through XLIFF): source unit id → the translation of that unit.
 * A translation written freely (its own paragraphs) aligns with nothing.
 */
export const alignUnits = (field: string, source: unknown, target: unknown): Map<string, UnitTranslation> => {
  const aligned = new Map<string, UnitTranslation>()
  const sourceUnits = fieldUnits(field, source)
  if (sourceUnits.length === 0 || target === undefined || target === null) return aligned
  if (typeof source === 'string') {
    if (typeof target === 'string' && target.trim()) aligned.set(sourceUnits[0]!.id, target)
    return aligned
  }
  if (!isRichText(target)) return aligned
  // Where the source has words, the translation must have a block too: compare with the source's holes.
  const targetSkeleton = structuredClone(target)
  for (const unit of sourceUnits) {
    const container = getAt(targetSkeleton, unit.location) as LexicalNode | undefined
    if (!container || !Array.isArray(container.children)) return aligned
    container.children = []
  }
  if (canonicalJson(targetSkeleton) !== skeleton(source, sourceUnits)) return aligned
  for (const unit of sourceUnits) {
    const children = (getAt(target, unit.location) as LexicalNode).children as LexicalNode[]
    if (children.length > 0) aligned.set(unit.id, children)
  }
  return aligned
}
