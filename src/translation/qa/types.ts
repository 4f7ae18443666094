import type { AdminText } from '@/lib/adminLabels'
import type { Locale } from '@/lib/locales'
import type { LexicalNode } from '@/translation/segments/inline'

export type Severity = 'error' | 'warning'

/**
 * One thing a QA check found. `path` is the field (`body`, `offers.<row id>.notes`, `sources.2.url`),
 * `segment` the rich-text unit (`body:3.1`, as in XLIFF) or null for a whole field; `message` is
 * in every language the admin speaks, so the API and the CLI can show it without a lookup.
 */
export type Finding = {
  code: string
  severity: Severity
  locale: Locale | null
  path: string
  segment: string | null
  message: AdminText
}

/** What a check says before it is placed in a document: the runner adds locale, path and segment. */
export type Found = Pick<Finding, 'code' | 'severity' | 'message'>

/** One segment's words as a check reads them: the plain text and, for rich text, its inline nodes. */
export type QaText = { text: string; nodes: LexicalNode[] }

/** A glossary row: its form in each language, and whether it must stay as written in the source. */
export type GlossaryTerm = { forms: Partial<Record<Locale, string>>; doNotTranslate: boolean }

export type PairInput = {
  source: QaText
  target: QaText
  sourceLocale: Locale
  targetLocale: Locale
  glossary: GlossaryTerm[]
}

/** A check of a translated segment against its source. Pure: same input, same findings. */
export type PairCheck = (input: PairInput) => Found[]

/** A check of one locale's text on its own (typography). */
export type TextCheck = (text: QaText, locale: Locale) => Found[]
