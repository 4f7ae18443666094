import { APIError, type PayloadRequest } from 'payload'

import { localeOfAdminLanguage } from '@/lib/locales'

import type { Claim } from './parts'

const partNames = {
  zh: { zh: '中文', en: '英文', fr: '法文', 'zh-Hant': '繁体中文', shared: '各语言共用的字段' },
  en: { zh: 'the Chinese', en: 'the English', fr: 'the French', 'zh-Hant': 'the Traditional Chinese', shared: 'the fields every language shares' },
  fr: { zh: 'le chinois', en: 'l’anglais', fr: 'le français', 'zh-Hant': 'le chinois traditionnel', shared: 'les champs communs à toutes les langues' },
  'zh-Hant': { zh: '簡體中文', en: '英文', fr: '法文', 'zh-Hant': '繁體中文', shared: '各語言共用的欄位' },
} as const

const explanation = {
  zh: (part: string, holder: string) => `${holder} 正在编辑此文档的${part}：请等待其完成，或在管理后台接手编辑。`,
  en: (part: string, holder: string) => `${holder} is editing ${part} of this document: wait until they are done, or take over in the admin.`,
  fr: (part: string, holder: string) => `${holder} modifie ${part} de ce document : attendez qu’il ait fini, ou reprenez la main dans l’administration.`,
  'zh-Hant': (part: string, holder: string) => `${holder} 正在編輯此文件的${part}：請等待其完成，或在管理後台接手編輯。`,
}

/** Named `Locked`, as Payload's own 423 (docs/api.md): clients branch on the name and `data.part`. */
export class PartLocked extends APIError {
  constructor(message: string, data: Record<string, unknown>) {
    super(message, 423, data, true)
    this.name = 'Locked'
  }
}

/**
 * A save of a part someone else holds in the admin: 423 naming the part (`data.errors[].path`
 * and `data.part`), who holds it and until when, in the language of whoever asks.
 */
export const partLocked = (req: PayloadRequest, claim: Claim): never => {
  const language = localeOfAdminLanguage(req.i18n?.language)
  const message = explanation[language](partNames[language][claim.part], claim.holder.name)
  throw new PartLocked(message, {
    errors: [{ path: claim.part === 'shared' ? 'shared' : 'locale', message }],
    part: claim.part,
    holder: claim.holder.name,
    expiresAt: claim.expiresAt,
  })
}
