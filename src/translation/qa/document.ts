import type { Locale } from '@/lib/locales'
import type { LexicalNode } from '@/translation/segments/inline'
import { alignUnits, fieldUnits, isRichText, type Unit } from '@/translation/segments/units'
import type { TranslatableContent } from '@/translation/sourceContent'

import { qaMessages } from './labels'
import { pairChecks, textChecks } from './registry'
import { qaText } from './text'
import type { Finding, Found, GlossaryTerm, QaText } from './types'

/** Node ids differ between locales (each import or editor session makes its own): not structure. */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, item]) => [key, withoutIds(item)]))
}

const segmentOf = (unit: Unit): string | null => (unit.kind === 'text' ? null : unit.id)

const place = (found: Found[], locale: Locale, path: string, segment: string | null): Finding[] =>
  found.map((item) => ({ ...item, locale, path, segment }))

/** A field's units as one text: what a translation with its own block structure is checked against. */
const whole = (units: Unit[]): QaText => {
  const texts = units.map((unit) => qaText(unit.value))
  return { text: texts.map((text) => text.text).join('\n'), nodes: texts.flatMap((text) => text.nodes) }
}

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
export const checkTranslation = ({ source, target, sourceLocale, targetLocale, glossary }: TranslationQaInput): Finding[] => {
  const findings: Finding[] = []
  const pair = (from: QaText, to: QaText, path: string, segment: string | null) => {
    for (const check of pairChecks) {
      findings.push(...place(check({ source: from, target: to, sourceLocale, targetLocale, glossary }), targetLocale, path, segment))
    }
  }
  for (const [path, sourceValue] of Object.entries(source)) {
    const units = fieldUnits(path, sourceValue)
    if (units.length === 0) continue
    const targetValue = target[path]
    if (targetValue === undefined || targetValue === null || targetValue === '') {
      findings.push({ code: 'field-missing', severity: 'warning', locale: targetLocale, path, segment: null, message: qaMessages.fieldMissing() })
      continue
    }
    const aligned = alignUnits(path, withoutIds(sourceValue), withoutIds(targetValue))
    if (aligned.size === 0 && isRichText(targetValue)) {
      findings.push({ code: 'structure-differs', severity: 'warning', locale: targetLocale, path, segment: null, message: qaMessages.structureDiffers() })
      pair(whole(units), whole(fieldUnits(path, targetValue)), path, null)
      continue
    }
    for (const unit of units) {
      const translation = aligned.get(unit.id)
      if (translation === undefined || !qaText(translation as string | LexicalNode[]).text.trim()) {
        findings.push({ code: 'empty-segment', severity: 'error', locale: targetLocale, path, segment: segmentOf(unit), message: qaMessages.emptySegment() })
        continue
      }
      pair(qaText(unit.value), qaText(translation as string | LexicalNode[]), path, segmentOf(unit))
    }
  }
  return findings
}

/** The checks of one locale's own text (typography), on every segment: run on sources too. */
export const checkText = (content: TranslatableContent, locale: Locale): Finding[] =>
  Object.entries(content).flatMap(([path, value]) =>
    fieldUnits(path, value).flatMap((unit) =>
      textChecks.flatMap((check) => place(check(qaText(unit.value), locale), locale, path, segmentOf(unit))),
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
}): Finding[] => [
  ...(input.source
    ? checkTranslation({
        source: input.source.content,
        target: input.content,
        sourceLocale: input.source.locale,
        targetLocale: input.locale,
        glossary: input.glossary,
      })
    : []),
  ...checkText(input.content, input.locale),
]

/** The key that says which finding an override covers: the same mistake at the same place. */
export const findingKey = (finding: Pick<Finding, 'code' | 'path' | 'segment'>): string =>
  `${finding.code}@${finding.path}${finding.segment ? `#${finding.segment}` : ''}`
