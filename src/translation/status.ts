import { translatableContent } from './sourceContent'
import type { TranslationStatus, WorkflowStatus } from './statuses'
import type { TranslatableField } from './translatableFields'

type TranslationState = { status?: WorkflowStatus | null; sourceFingerprint?: string | null } | null | undefined

/**
 * The status of one document in one target locale: the one place it is decided.
 * - `missing`: no translatable text in that locale (read with `fallback: false`) and no status;
 * - `outdated`: made from a source whose fingerprint is no longer the document's;
 * - otherwise the stored status, and text without one counts as `in-progress`.
 *
 * @param doc the document read in the target locale, without fallback
 * @param sourceFingerprint the document's current `sourceFingerprint`
 */
export const translationStatus = (
  doc: Record<string, unknown>,
  sourceFingerprint: string | null | undefined,
  fields: TranslatableField[],
): TranslationStatus => {
  const state = doc.translation as TranslationState
  const hasText = Object.keys(translatableContent(doc, fields)).length > 0
  if (!hasText && !state?.status) return 'missing'
  if (state?.sourceFingerprint && state.sourceFingerprint !== sourceFingerprint) return 'outdated'
  return state?.status ?? 'in-progress'
}
