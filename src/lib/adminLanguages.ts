import { translations } from '@payloadcms/translations/all'
import type { SupportedLanguages } from '@payloadcms/translations'

import { adminLanguageCodes } from './locales'

/** Payload's translations of the admin languages the locales declare (`i18n.supportedLanguages`). */
export const adminLanguages = (): SupportedLanguages =>
  Object.fromEntries(
    adminLanguageCodes.map((language) => {
      const translation = translations[language as keyof typeof translations]
      if (!translation) throw new Error(`src/lib/localeDeclarations.ts: Payload has no admin language "${language}".`)
      return [language, translation]
    }),
  )
