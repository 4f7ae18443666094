import { adminLanguageCodes, localeOfAdminLanguage, type AdminLanguageCode, type Locale } from '@/lib/locales'

import { messagesByLocale } from './byLocale'
import type { Messages } from './en'

export type { Messages } from './en'

/** Every text of one locale. */
export const messagesOf = (locale: Locale): Messages => messagesByLocale[locale]

/**
 * Every text in the language a request reads: the editor's admin language (`req.i18n.language`,
 * which Payload takes from the admin's setting or `Accept-Language`); the reader default (English)
 * for an API client or script that names none.
 */
export const messagesOfRequest = (req: { i18n?: { language?: string } } | undefined): Messages => messagesOf(localeOfAdminLanguage(req?.i18n?.language))

/**
 * Texts as Payload's admin labels take them: one string per admin language the locales declare. A
 * message that is a function of its arguments becomes a function giving that text in every language.
 */
export type EveryLanguage<T> = T extends string
  ? Record<AdminLanguageCode, string>
  : T extends (...args: infer Args) => string
    ? (...args: Args) => Record<AdminLanguageCode, string>
    : { [K in keyof T]: EveryLanguage<T[K]> }

const transposed = (parts: Record<string, unknown>): unknown => {
  const first = Object.values(parts)[0]
  if (typeof first === 'string') return parts
  if (typeof first === 'function') {
    return (...args: unknown[]) =>
      Object.fromEntries(Object.entries(parts).map(([language, message]) => [language, (message as (...args: unknown[]) => string)(...args)]))
  }
  return Object.fromEntries(
    Object.keys(first as object).map((key) => [
      key,
      transposed(Object.fromEntries(Object.entries(parts).map(([language, part]) => [language, (part as Record<string, unknown>)[key]]))),
    ]),
  )
}

/**
 * A part of the messages with each text in every admin language, `{ zh, en, fr }`: the admin's
 * labels. Each admin language shows the message file of the locale that declares it.
 */
export const inEveryLanguage = <T>(part: (messages: Messages) => T): EveryLanguage<T> =>
  transposed(Object.fromEntries(adminLanguageCodes.map((language) => [language, part(messagesOf(localeOfAdminLanguage(language)))]))) as EveryLanguage<T>
