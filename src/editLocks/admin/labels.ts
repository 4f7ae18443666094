import type { AdminText } from '@/lib/adminLabels'
import type { Locale } from '@/lib/locales'

/** The edit view's lock banner, in each language the admin speaks. */
export const editLockLabels = {
  localeHeldBy: {
    zh: '{holder} 正在编辑此文档的{locale}版本，您现在无法保存这一语言。',
    'zh-TW': '{holder} 正在編輯此文件的{locale}版本，您現在無法儲存這一語言。',
    en: '{holder} is editing the {locale} version of this document: you cannot save this language now.',
    fr: '{holder} modifie la version {locale} de ce document : vous ne pouvez pas enregistrer cette langue pour l’instant.',
  },
  sharedHeldBy: {
    zh: '{holder} 正在编辑各语言共用的字段：这些字段对您只读，您保存时将保留对方的值。',
    'zh-TW': '{holder} 正在編輯各語言共用的欄位：這些欄位對您唯讀，您儲存時將保留對方的值。',
    en: '{holder} is editing the fields every language shares: they are read-only for you, and your saves keep their values.',
    fr: '{holder} modifie les champs communs à toutes les langues : ils sont en lecture seule pour vous, et vos enregistrements gardent ses valeurs.',
  },
  sharedReleased: {
    zh: '打开此文档时，共用字段正由他人编辑，现已空闲：重新加载后即可编辑。',
    'zh-TW': '開啟此文件時，共用欄位正由他人編輯，現已空閒：重新載入後即可編輯。',
    en: 'Someone was editing the shared fields when you opened this document; they are free now: reload to edit them.',
    fr: 'Quelqu’un modifiait les champs communs quand vous avez ouvert ce document ; ils sont libres : rechargez pour les modifier.',
  },
  reload: { zh: '重新加载', en: 'Reload', fr: 'Recharger', 'zh-TW': '重新載入' },
  takeOver: { zh: '接手编辑', en: 'Take over', fr: 'Reprendre la main', 'zh-TW': '接手編輯' },
  takeOverHint: {
    zh: '接手后页面将重新加载，显示最新保存的内容；对方将无法再保存。',
    'zh-TW': '接手後頁面將重新載入，顯示最新儲存的內容；對方將無法再儲存。',
    en: 'The page reloads with the latest saved content; they can no longer save.',
    fr: 'La page se recharge avec le contenu enregistré le plus récent ; l’autre personne ne peut plus enregistrer.',
  },
} satisfies Record<string, Required<AdminText>>

/** Each locale's name in each admin language. */
export const localeNames: Record<Locale, Required<AdminText>> = {
  zh: { zh: '中文', en: 'Chinese', fr: 'chinoise', 'zh-TW': '簡體中文' },
  en: { zh: '英文', en: 'English', fr: 'anglaise', 'zh-TW': '英文' },
  fr: { zh: '法文', en: 'French', fr: 'française', 'zh-TW': '法文' },
  'zh-Hant': { zh: '繁体中文', en: 'Traditional Chinese', fr: 'chinoise traditionnelle', 'zh-TW': '繁體中文' },
}
