import type { Locale } from '@/lib/locales'
import type { LexicalNode } from '@/translation/segments/inline'
import { blockSegments, isRichText } from '@/translation/segments/units'
import type { TranslatableContent } from '@/translation/sourceContent'

import { qaMessages } from './labels'
import { pairChecks, textChecks } from './registry'
import { nodesText, qaText } from './text'
import type { Finding, Found, GlossaryTerm, QaText } from './types'

/**
 * A field's segments as QA reads them: the units XLIFF exports (same ids), without the inline
 * codes XLIFF needs, which cost more than every check together.
 */
type Segment = { id: string; kind: string; location: (string | number)[]; value: string | LexicalNode[] }

const segmentsOf = (field: string, value: unknown): Segment[] => {
  if (typeof value === 'string') return value.trim() ? [{ id: field, kind: 'text', location: [], value }] : []
  if (!isRichText(value)) return []
  const found: Parameters<typeof blockSegments>[3] = []
  value.root.children.forEach((child, index) => blockSegments(child, ['root', 'children', index], [String(index)], found))
  return found
    .map(({ location, key, kind, children }) => ({ id: `${field}:${key}`, kind, location, value: children }))
    .filter((segment) => nodesText(segment.value).trim() !== '')
}

const getAt = (value: unknown, location: (string | number)[]): unknown =>
  location.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), value)

/**
 * Each source segment's translation, when the translation has the source's blocks (node ids
 * aside, which differ between locales): the block at the same place, of the same type, possibly
 * empty. Null when the translation has blocks of its own (a block where the source has none).
 */
const align = (source: Segment[], targetValue: unknown, target: Segment[]): Map<string, string | LexicalNode[]> | null => {
  if (typeof targetValue === 'string') return new Map(source.map((segment) => [segment.id, targetValue]))
  const places = new Set(source.map((segment) => segment.location.join('.')))
  if (target.some((segment) => !places.has(segment.location.join('.')))) return null
  const aligned = new Map<string, string | LexicalNode[]>()
  for (const segment of source) {
    const container = getAt(targetValue, segment.location) as LexicalNode | undefined
    const sourceType = segment.kind === 'text' ? undefined : segment.kind
    if (!container || !Array.isArray(container.children)) return null
    const kind = container.type === 'heading' ? String(container.tag ?? 'heading') : container.type
    if (sourceType && kind !== sourceType) return null
    aligned.set(segment.id, container.children as LexicalNode[])
  }
  return aligned
}

const segmentOf = (segment: Segment): string | null => (segment.kind === 'text' ? null : segment.id)

const place = (found: Found[], locale: Locale, path: string, segment: string | null): Finding[] =>
  found.map((item) => ({ ...item, locale, path, segment }))

/** A field's segments as one text: what a translation with its own block structure is checked against. */
const whole = (segments: Segment[]): QaText => {
  const texts = segments.map((segment) => qaText(segment.value))
  return { text: texts.map((text) => text.text).join('\n'), nodes: texts.flatMap((text) => text.nodes) }
}

type SegmentsByField = Map<string, Segment[]>

const segmentsByField = (content: TranslatableContent): SegmentsByField =>
  new Map(Object.entries(content).map(([path, value]) => [path, segmentsOf(path, value)]))

export type TranslationQaInput = {
  source: TranslatableContent
  target: TranslatableContent
  sourceLocale: Locale
  targetLocale: Locale
  glossary: GlossaryTerm[]
}

/**
 * Every pair check over a translation, field by field and, in rich text, block by block (the
 * units XLIFF exports). A field the translation lacks is a warning (readers get the fallback);
 * a block left empty where the source has words is an error. A translation written with other
 * blocks than the source's is checked as a whole field.
 */
export const checkTranslation = (
  { source, target, sourceLocale, targetLocale, glossary }: TranslationQaInput,
  cached: { source?: SegmentsByField; target?: SegmentsByField } = {},
): Finding[] => {
  const findings: Finding[] = []
  const sourceSegments = cached.source ?? segmentsByField(source)
  const targetSegments = cached.target ?? segmentsByField(target)
  const pair = (from: QaText, to: QaText, path: string, segment: string | null) => {
    for (const check of pairChecks) {
      findings.push(...place(check({ source: from, target: to, sourceLocale, targetLocale, glossary }), targetLocale, path, segment))
    }
  }
  for (const [path, segments] of sourceSegments) {
    if (segments.length === 0) continue
    const targetValue = target[path]
    if (targetValue === undefined || targetValue === null || targetValue === '') {
      findings.push({ code: 'field-missing', severity: 'warning', locale: targetLocale, path, segment: null, message: qaMessages.fieldMissing() })
      continue
    }
    const translated = targetSegments.get(path) ?? []
    const aligned = align(segments, targetValue, translated)
    if (!aligned) {
      findings.push({ code: 'structure-differs', severity: 'warning', locale: targetLocale, path, segment: null, message: qaMessages.structureDiffers() })
      pair(whole(segments), whole(translated), path, null)
      continue
    }
    for (const segment of segments) {
      const translation = qaText(aligned.get(segment.id) ?? '')
      if (!translation.text.trim()) {
        findings.push({ code: 'empty-segment', severity: 'error', locale: targetLocale, path, segment: segmentOf(segment), message: qaMessages.emptySegment() })
        continue
      }
      pair(qaText(segment.value), translation, path, segmentOf(segment))
    }
  }
  return findings
}

/** The checks of one locale's own text (typography), on every segment: run on sources too. */
export const checkText = (content: TranslatableContent, locale: Locale, cached = segmentsByField(content)): Finding[] =>
  [...cached].flatMap(([path, segments]) =>
    segments.flatMap((segment) =>
      textChecks.flatMap((check) => place(check(qaText(segment.value), locale), locale, path, segmentOf(segment))),
    ),
  )

export type QaSummary = { errors: number; warnings: number; findings: Finding[] }

export const summarize = (findings: Finding[]): QaSummary => ({
  errors: findings.filter((finding) => finding.severity === 'error').length,
  warnings: findings.filter((finding) => finding.severity === 'warning').length,
  findings,
})

/**
 * All QA of one document in one locale: its own typography and, for a translation, every check
 * against its source. `source` is null when `locale` is the document's source locale.
 */
export const checkDocumentLocale = (input: {
  content: TranslatableContent
  locale: Locale
  source: { content: TranslatableContent; locale: Locale } | null
  glossary: GlossaryTerm[]
}): Finding[] => {
  const own = segmentsByField(input.content)
  return [
    ...(input.source
      ? checkTranslation(
          {
            source: input.source.content,
            target: input.content,
            sourceLocale: input.source.locale,
            targetLocale: input.locale,
            glossary: input.glossary,
          },
          { target: own },
        )
      : []),
    ...checkText(input.content, input.locale, own),
  ]
}

/** The key that says which finding an override covers: the same mistake at the same place. */
export const findingKey = (finding: Pick<Finding, 'code' | 'path' | 'segment'>): string =>
  `${finding.code}@${finding.path}${finding.segment ? `#${finding.segment}` : ''}`
