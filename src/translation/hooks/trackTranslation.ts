import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { isRecord } from '@/lib/isRecord'
import { isLocale, sourceLocale as defaultSourceLocale, type Locale } from '@/lib/locales'

import { fingerprint } from '../fingerprint'
import { readInLocale, type TranslatedCollection } from '../readInLocale'
import { translatableContent } from '../sourceContent'
import type { WorkflowStatus } from '../statuses'
import { translatableFields, type TranslatableField } from '../translatableFields'

type Doc = Record<string, unknown>
type TranslationState = {
  status?: WorkflowStatus | null
  sourceFingerprint?: string | null
  sourceSnapshot?: unknown
  translatedAt?: string | null
  [key: string]: unknown
}

/** Statuses that say "this translation matches its source": recording what source that was. */
const reviewedStatuses: (WorkflowStatus | null | undefined)[] = ['needs-review', 'done']

const isObject = (value: unknown): value is Doc => isRecord(value)

/** The document as it will be: a save may send only some fields (a PATCH), or part of a group. */
export const merge = (stored: unknown, sent: unknown): unknown => {
  if (sent === undefined) return stored
  if (!isObject(stored) || !isObject(sent) || 'root' in sent) return sent
  const out: Doc = { ...stored }
  for (const [key, value] of Object.entries(sent)) out[key] = merge(stored[key], value)
  return out
}

/**
 * A save in the source locale that changes its translatable text gives the document a new
 * `sourceFingerprint`, which makes every translation recorded against the old one outdated;
 * unless `minorEdit` is ticked. Autosaved drafts count: translators translate the newest source.
 */
const trackSource = (data: Doc, original: Doc | undefined, content: Doc, fields: TranslatableField[]): void => {
  const storedFingerprint = original?.sourceFingerprint as string | null | undefined
  const now = fingerprint(content)
  const changed = !original || now !== fingerprint(translatableContent(original, fields))
  data.sourceFingerprint = !storedFingerprint || (changed && data.minorEdit !== true) ? now : storedFingerprint
}

/**
 * A save in a target locale records what source the translation was made from when it is marked
 * needs-review or done, or when its text changes while it is. A save that touches neither leaves
 * the record alone, so re-saving an outdated translation does not make it current.
 */
const trackTarget = async (
  req: PayloadRequest,
  collection: TranslatedCollection,
  data: Doc,
  original: Doc | undefined,
  merged: Doc,
  source: Locale,
  fields: TranslatableField[],
): Promise<void> => {
  const before = (original?.translation ?? {}) as TranslationState
  const sent = (isObject(data.translation) ? data.translation : {}) as TranslationState
  const next: TranslationState = { ...before, ...sent }
  // A save that sends a new record itself (machine translation or an XLIFF import, which know the
  // possibly older source they worked from: a new fingerprint, a later `translatedAt`) keeps it.
  // Anything else is the stored record sent back, perhaps stale (an admin form opened before the
  // last save): the stored one stays.
  const explicit =
    typeof sent.sourceFingerprint === 'string' &&
    sent.sourceFingerprint !== before.sourceFingerprint &&
    typeof sent.translatedAt === 'string' &&
    (!before.translatedAt || Date.parse(sent.translatedAt) > Date.parse(before.translatedAt))
  if (!explicit) {
    next.sourceFingerprint = before.sourceFingerprint ?? null
    next.sourceSnapshot = before.sourceSnapshot ?? null
    next.translatedAt = before.translatedAt ?? null
  }

  const statusChanged = (next.status ?? null) !== (before.status ?? null)
  const textChanged =
    fingerprint(translatableContent(merged, fields)) !== fingerprint(translatableContent(original ?? {}, fields))
  if (!explicit && reviewedStatuses.includes(next.status) && (statusChanged || textChanged)) {
    const id = (original?.id ?? data.id) as number | string | undefined
    const sourceDoc = id === undefined ? null : await readInLocale(req, collection, id, source)
    const sourceContent = translatableContent(sourceDoc ?? {}, fields)
    // A document saved before the workflow existed gets its fingerprint now.
    if (!data.sourceFingerprint) data.sourceFingerprint = fingerprint(sourceContent)
    next.sourceFingerprint = data.sourceFingerprint as string
    next.sourceSnapshot = sourceContent
    next.translatedAt = new Date().toISOString()
  }
  data.translation = next
}

/** Keeps the translation workflow's fingerprints current on every save of a translated collection. */
export const trackTranslation =
  (collection: TranslatedCollection): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, collection: config }) => {
    const locale = req.locale
    if (!isLocale(locale)) return data
    const fields = translatableFields(config.fields)
    const original = originalDoc as Doc | undefined
    const merged = merge(original ?? {}, data) as Doc
    const source = isLocale(merged.sourceLocale) ? merged.sourceLocale : defaultSourceLocale
    // Derived, never taken from what a client sends.
    data.sourceFingerprint = original?.sourceFingerprint ?? null
    if (locale === source) trackSource(data, original, translatableContent(merged, fields), fields)
    else await trackTarget(req, collection, data, original, merged, source, fields)
    return data
  }
