import { APIError, type PayloadRequest } from 'payload'

import { isLocale } from '@/lib/locales'

import type { Claim } from './parts'

const partNames = {
  zh: { zh: '中文', en: 'Chinese', fr: 'chinois', shared: '各语言共用的字段' },
  en: { zh: 'the Chinese', en: 'the English', fr: 'the French', shared: 'the fields every language shares' },
  fr: { zh: 'le chinois', en: 'l’anglais', fr: 'le français', shared: 'les champs communs à toutes les langues' },
} as const

const explanation = {
  zh: (part: string, holder: string) => `${holder} 正在编辑此文档的${part}：请等待其完成，或在管理后台接手编辑。`,
  en: (part: string, holder: string) => `${holder} is editing ${part} of this document: wait until they are done, or take over in the admin.`,
  fr: (part: string, holder: string) => `${holder} modifie ${part} de ce document : attendez qu’il ait fini, ou reprenez la main dans l’administration.`,
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
  const language = isLocale(req.i18n?.language) ? req.i18n.language : 'en'
  const message = explanation[language](partNames[language][claim.part], claim.holder.name)
  throw new PartLocked(message, {
    errors: [{ path: claim.part === 'shared' ? 'shared' : 'locale', message }],
    part: claim.part,
    holder: claim.holder.name,
    expiresAt: claim.expiresAt,
  })
}
