import type { AdminText } from '@/lib/adminLabels'

/** The machine-translation button's words, in the admin's languages. */
export const machineTranslationMessages = {
  label: { zh: '机器翻译', en: 'Machine translation', fr: 'Traduction automatique' },
  button: { zh: '机器翻译为草稿', en: 'Machine-translate into a draft', fr: 'Traduire automatiquement (brouillon)' },
  working: { zh: '翻译中…', en: 'Translating…', fr: 'Traduction en cours…' },
  notConfigured: {
    zh: '未配置机器翻译（服务器缺少 DEEPL_API_KEY）。',
    en: 'Machine translation is not configured (the server has no DEEPL_API_KEY).',
    fr: 'La traduction automatique n’est pas configurée (DEEPL_API_KEY manque sur le serveur).',
  },
  done: {
    zh: '已保存为待审校草稿，页面将重新加载。',
    en: 'Saved as a draft that needs review; reloading.',
    fr: 'Enregistrée comme brouillon à relire ; rechargement.',
  },
  hint: {
    zh: '译文保存为草稿，状态为“待审校”，不会自动发布；人工修改过的字段不会被覆盖。',
    en: 'The translation is saved as a draft marked “needs review”, never published by itself; fields a person edited are kept.',
    fr: 'La traduction est enregistrée en brouillon « à relire », jamais publiée d’elle-même ; les champs modifiés à la main sont conservés.',
  },
} satisfies Record<string, AdminText>
