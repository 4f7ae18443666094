import type { AdminText } from '@/lib/adminLabels'

/** The dashboard's own words, in each language the admin speaks. */
export const dashboardLabels = {
  collections: { zh: '内容概览', en: 'Overview', fr: 'Vue d’ensemble' },
  documents: { zh: '条', en: 'documents', fr: 'documents' },
  createNew: { zh: '新建', en: 'New', fr: 'Nouveau' },
  work: { zh: '待处理', en: 'Waiting for you', fr: 'En attente' },
  workIntro: {
    zh: '各语言中：最新版本仍是草稿的文档，以及原文已修改或等待审校的译文。',
    en: 'In each language: documents whose newest version is a draft, and translations whose source changed or that wait for review.',
    fr: 'Dans chaque langue : les documents dont la dernière version est un brouillon, et les traductions dont la source a changé ou qui attendent une relecture.',
  },
  drafts: { zh: '草稿', en: 'Drafts', fr: 'Brouillons' },
  recent: { zh: '最近修改', en: 'Latest changes', fr: 'Dernières modifications' },
  nothingYet: { zh: '还没有内容。', en: 'Nothing yet.', fr: 'Rien pour l’instant.' },
  draft: { zh: '草稿', en: 'Draft', fr: 'Brouillon' },
  published: { zh: '已发布', en: 'Published', fr: 'Publié' },
} satisfies Record<string, AdminText>
