import { localeOfAdminLanguage } from '@/lib/locales'
import { messagesOf, type Messages } from '@/messages'

import commonPasswords from './commonPasswords.json'

/**
 * What a staff password must be (OWASP ASVS 2.1): at least 12 characters, at most 128 (ASVS
 * permits 64 and more, and refuses past 128), and not one of the most common passwords, nor one of
 * them repeated or with digits and symbols around it (`password1234!`, `monkeymonkey`).
 *
 * commonPasswords.json: the 10,000 most common passwords, lower-cased, most common first, taken
 * from the `passwords` list of @zxcvbn-ts/language-common 4.1.3 (MIT, from Dropbox's zxcvbn, made
 * from leaked-password corpora); not a dependency, copied once. Most are shorter than 12
 * characters: they count through the variants above.
 */
export const minPasswordLength = 12
export const maxPasswordLength = 128

const common = new Set<string>(commonPasswords)

/** The accounts' messages in the request's language (`req.i18n.language`), English for any other (src/messages/). */
export const accountMessagesIn = (language: string | undefined): Messages['accounts'] => messagesOf(localeOfAdminLanguage(language)).accounts

/** The password itself, its repeated unit, and what is left without digits and symbols at either end. */
const variants = (password: string): string[] => {
  const lower = password.toLowerCase()
  const unit = /^(.+?)\1+$/.exec(lower)?.[1]
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '')
  return [lower, lower.replace(/\s+/g, ''), core, ...(unit ? [unit] : [])].filter(Boolean)
}

export const isCommonPassword = (password: string): boolean => variants(password).some((variant) => common.has(variant))

/** What is wrong with `password` as a new password, in the language asked for; undefined when it is fine. */
export const passwordProblem = (password: unknown, { email, language }: { email?: unknown; language?: string } = {}): string | undefined => {
  const text = accountMessagesIn(language).password
  if (typeof password !== 'string') return text.text
  const characters = [...password].length
  if (characters < minPasswordLength) return text.short(minPasswordLength)
  if (characters > maxPasswordLength) return text.long(maxPasswordLength)
  if (isCommonPassword(password)) return text.common
  if (typeof email === 'string' && email.length > 0 && password.toLowerCase().includes(email.toLowerCase())) return text.email
  return undefined
}
