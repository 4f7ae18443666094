import type { AdminText } from '@/lib/adminLabels'

/** The translation screens' own words, in each language the admin speaks. */
export const translationAdminLabels = {
  dashboard: { zh: '翻译进度', en: 'Translations', fr: 'Traductions' },
  dashboardIntro: {
    zh: '文章、运营商和小贴士在每种目标语言中的翻译状态。',
    en: 'The translation status of every article, carrier and tip in each target language.',
    fr: 'L’état de la traduction de chaque article, opérateur et conseil dans chaque langue cible.',
  },
  collection: { zh: '类型', en: 'Collection', fr: 'Collection' },
  locale: { zh: '语言', en: 'Language', fr: 'Langue' },
  status: { zh: '状态', en: 'Status', fr: 'État' },
  assignee: { zh: '负责人', en: 'Assignee', fr: 'Responsable' },
  any: { zh: '全部', en: 'All', fr: 'Tous' },
  nobody: { zh: '未分配', en: 'Unassigned', fr: 'Non attribuée' },
  filter: { zh: '筛选', en: 'Filter', fr: 'Filtrer' },
  document: { zh: '文档', en: 'Document', fr: 'Document' },
  translatedAt: { zh: '翻译依据时间', en: 'Translated from source of', fr: 'Traduit depuis la source du' },
  noRows: { zh: '没有符合条件的翻译。', en: 'No translation matches these filters.', fr: 'Aucune traduction ne correspond à ces filtres.' },
  previousPage: { zh: '上一页', en: 'Previous page', fr: 'Page précédente' },
  nextPage: { zh: '下一页', en: 'Next page', fr: 'Page suivante' },
  source: { zh: '原文', en: 'Source', fr: 'Source' },
  copyFromSource: { zh: '复制原文', en: 'Copy from source', fr: 'Copier la source' },
  sourceChanged: {
    zh: '此译文完成后，原文有以下修改：',
    en: 'The source changed since this translation was made:',
    fr: 'La source a changé depuis cette traduction :',
  },
  translationStatus: { zh: '翻译状态', en: 'Translation status', fr: 'État de la traduction' },
  qa: { zh: '质量检查', en: 'QA', fr: 'Contrôle qualité' },
  qaHasErrors: { zh: '有错误', en: 'Has errors', fr: 'Avec erreurs' },
  qaErrors: { zh: '错误', en: 'errors', fr: 'erreurs' },
  qaWarnings: { zh: '警告', en: 'warnings', fr: 'avertissements' },
  qaFindings: { zh: '翻译质量检查', en: 'Translation QA', fr: 'Contrôle qualité de la traduction' },
  qaError: { zh: '错误', en: 'Error', fr: 'Erreur' },
  qaWarning: { zh: '警告', en: 'Warning', fr: 'Avertissement' },
  qaOverridden: {
    zh: '编辑已带错误发布，理由：',
    en: 'An editor published despite the errors, because:',
    fr: 'Un éditeur a publié malgré les erreurs, au motif :',
  },
  needsReverification: { zh: '需要重新核实', en: 'Needs re-verification', fr: 'À revérifier' },
  sourceQuality: { zh: '来源质量', en: 'Source quality', fr: 'Qualité des sources' },
} satisfies Record<string, AdminText>

export type AdminLanguage = keyof AdminText

export { adminLanguage } from '@/lib/adminLabels'
