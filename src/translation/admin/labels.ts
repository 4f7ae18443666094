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
} satisfies Record<string, AdminText>

export type AdminLanguage = keyof AdminText

export { adminLanguage } from '@/lib/adminLabels'
