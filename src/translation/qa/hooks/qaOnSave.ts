import { ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { hasRole } from '@/access/roles'
import { isRecord } from '@/lib/isRecord'
import { isLocale, localeCodes, sourceLocale as defaultSourceLocale, type Locale } from '@/lib/locales'
import { merge } from '@/translation/hooks/trackTranslation'
import { readInLocale, type TranslatedCollection } from '@/translation/readInLocale'
import { translatableContent } from '@/translation/sourceContent'
import { translatableFields, type TranslatableField } from '@/translation/translatableFields'

import { checkDocumentLocale, findingKey, summarize } from '../document'
import { readGlossary } from '../../glossary'
import type { Finding, GlossaryTerm } from '../types'

type Doc = Record<string, unknown>

/** An editor's decision to publish a locale despite its QA errors. */
export type QaOverride = { reason: string; by: number | string; byEmail: string | null; at: string; findings: string[] }

const isObject = (value: unknown): value is Doc => isRecord(value)

const publishAllKey = 'lagonQaPublishAll'

/** Notes a save that publishes every locale: each target locale's errors then block it. */
export const notePublishAllLocales: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update') req.context[publishAllKey] = Boolean((args as { publishAllLocales?: unknown }).publishAllLocales)
  return args
}

/** QA of a document's content in one locale, against its source when that locale is a translation. */
const runQa = async (
  req: PayloadRequest,
  collection: TranslatedCollection,
  id: number | string | undefined,
  content: Doc,
  locale: Locale,
  source: Locale,
  fields: TranslatableField[],
  glossary: GlossaryTerm[],
): Promise<Finding[]> => {
  const sourceDoc = locale !== source && id !== undefined ? await readInLocale(req, collection, id, source) : null
  return checkDocumentLocale({
    content: translatableContent(content, fields),
    locale,
    source: sourceDoc ? { content: translatableContent(sourceDoc, fields), locale: source } : null,
    glossary,
  })
}

const refusal = (locale: string, errors: Finding[]): string =>
  `${locale}: ${errors.length} translation QA error(s) block publishing (${[...new Set(errors.map((error) => error.code))].join(', ')}); ` +
  'fix them, or an editor publishes with a reason in translation.qaOverrideReason.'

/**
 * Translation QA on every save: the locale's findings are stored in its `translation` group
 * (counts and list: the dashboard and the API read them without recomputing). A save by a person
 * that publishes a translation with errors is refused (400 naming `translation.qaOverrideReason`)
 * unless an editor gives a reason, recorded with who, when and which findings it covers; an
 * override keeps covering those findings, not new ones. Scripts (seed, import: no user) are
 * checked by `npm run content:check` instead.
 */
export const qaOnSave =
  (collection: TranslatedCollection): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, collection: config }) => {
    const locale = req.locale
    if (!isLocale(locale)) return data
    const fields = translatableFields(config.fields)
    const original = (originalDoc ?? {}) as Doc
    const merged = merge(original, data) as Doc
    const source = isLocale(merged.sourceLocale) ? merged.sourceLocale : defaultSourceLocale
    const id = (original.id ?? data.id) as number | string | undefined
    const glossary = await readGlossary(req)
    const findings = await runQa(req, collection, id, merged, locale, source, fields, glossary)
    const { errors, warnings } = summarize(findings)
    const before = (isObject(original.translation) ? original.translation : {}) as Doc
    const sent = (isObject(data.translation) ? data.translation : {}) as Doc
    const translation: Doc = { ...before, ...sent, qaErrors: errors, qaWarnings: warnings, qaFindings: findings }
    // Derived: what a client sends as the record is never taken.
    translation.qaOverride = before.qaOverride ?? null
    data.translation = translation

    const publishAll = req.context[publishAllKey] === true
    if (!req.user || (data._status !== 'published' && !publishAll)) return data
    const locales = publishAll ? localeCodes.filter((code) => code !== source) : locale === source ? [] : [locale]
    for (const target of locales) {
      const own = target === locale
      let targetFindings = findings
      let stored: Doc = before
      if (!own) {
        const doc = id === undefined ? null : await readInLocale(req, collection, id, target)
        if (!doc) continue
        targetFindings = await runQa(req, collection, id, doc, target, source, fields, glossary)
        stored = (isObject(doc.translation) ? doc.translation : {}) as Doc
      }
      const blocking = targetFindings.filter((finding) => finding.severity === 'error')
      if (blocking.length === 0) continue
      const keys = blocking.map(findingKey)
      const override = stored.qaOverride as QaOverride | null | undefined
      if (override && keys.every((key) => override.findings.includes(key))) continue
      const reason = own && typeof sent.qaOverrideReason === 'string' ? sent.qaOverrideReason.trim() : ''
      if (reason && reason !== override?.reason && hasRole(req.user, 'admin', 'editor')) {
        const user = req.user as { id: number | string; email?: string }
        translation.qaOverride = { reason, by: user.id, byEmail: user.email ?? null, at: new Date().toISOString(), findings: keys } satisfies QaOverride
        continue
      }
      throw new ValidationError({
        collection: config.slug,
        errors: [{ path: 'translation.qaOverrideReason', message: refusal(target, blocking) }],
      })
    }
    return data
  }
