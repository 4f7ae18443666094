import { localeCodes, sourceLocale, type Locale } from '@/lib/locales'

import { messagesByLocale } from './byLocale'
import type { Messages } from './en'

export type { Messages } from './en'

/** Every text of one locale. */
export const messagesOf = (locale: Locale): Messages => messagesByLocale[locale]

/** Texts as Payload's admin labels take them: one string per locale. */
export type EveryLanguage<T> = T extends string ? Record<Locale, string> : { [K in keyof T]: EveryLanguage<T[K]> }

const transposed = (parts: Record<Locale, unknown>): unknown => {
  const first = parts[sourceLocale]
  if (typeof first === 'string') return parts
  return Object.fromEntries(
    Object.keys(first as object).map((key) => [
      key,
      transposed(Object.fromEntries(localeCodes.map((locale) => [locale, (parts[locale] as Record<string, unknown>)[key]])) as Record<Locale, unknown>),
    ]),
  )
}

/** A part of the messages (texts only) with each text in every locale, `{ zh, en, fr }`: the admin's labels. */
export const inEveryLanguage = <T>(part: (messages: Messages) => T): EveryLanguage<T> =>
  transposed(Object.fromEntries(localeCodes.map((locale) => [locale, part(messagesOf(locale))])) as Record<Locale, unknown>) as EveryLanguage<T>
