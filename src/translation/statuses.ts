import type { AdminText } from '@/lib/adminLabels'

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

export const translationStatusLabels: Record<TranslationStatus, AdminText> = {
  missing: { zh: '未翻译', 'zh-TW': '未翻譯', en: 'Missing', fr: 'Manquante' },
  'in-progress': { zh: '翻译中', 'zh-TW': '翻譯中', en: 'In progress', fr: 'En cours' },
  'needs-review': { zh: '待审校', 'zh-TW': '待審校', en: 'Needs review', fr: 'À relire' },
  done: { zh: '已完成', 'zh-TW': '已完成', en: 'Done', fr: 'Terminée' },
  outdated: { zh: '已过时', 'zh-TW': '已過時', en: 'Outdated', fr: 'Obsolète' },
}
