import type { AdminText } from '@/lib/adminLabels'
import { inEveryLanguage } from '@/messages'

/**
 * What a person sets on a translation. `missing` and `outdated` are not stored: they are computed
 * (no content in the locale; the source changed since the translation was made).
 */
export const workflowStatuses = ['in-progress', 'needs-review', 'done'] as const
export type WorkflowStatus = (typeof workflowStatuses)[number]

/** Every status the dashboard and the API report for a document in a target locale. */
export const translationStatuses = ['missing', ...workflowStatuses, 'outdated'] as const
export type TranslationStatus = (typeof translationStatuses)[number]

/** Statuses a translator may set; `done` is an editor's approval. */
export const translatorStatuses: readonly WorkflowStatus[] = ['in-progress', 'needs-review']

/** Each status's label in every admin language (src/messages/). */
export const translationStatusLabels: Record<TranslationStatus, AdminText> = inEveryLanguage((messages) => messages.translationStatuses)
