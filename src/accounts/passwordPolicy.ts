import { localeOfAdminLanguage, type Locale } from '@/lib/locales'

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

/** A message in the request's language (`req.i18n.language`), English for any other. */
export const inLanguage = (messages: Record<Locale, string>, language: string | undefined): string => messages[localeOfAdminLanguage(language)]

const messages = {
  text: { en: 'a password is text', fr: 'un mot de passe est du texte', zh: '密码必须是文本', 'zh-Hant': '密碼必須是文字' },
  short: {
    en: `at least ${minPasswordLength} characters`,
    fr: `au moins ${minPasswordLength} caractères`,
    zh: `至少 ${minPasswordLength} 个字符`,
    'zh-Hant': `至少 ${minPasswordLength} 個字元`,
  },
  long: {
    en: `at most ${maxPasswordLength} characters`,
    fr: `au plus ${maxPasswordLength} caractères`,
    zh: `最多 ${maxPasswordLength} 个字符`,
    'zh-Hant': `最多 ${maxPasswordLength} 個字元`,
  },
  common: {
    en: 'one of the most common passwords: choose another',
    fr: 'l’un des mots de passe les plus courants : choisissez-en un autre',
    zh: '这是最常见的密码之一，请换一个',
    'zh-Hant': '這是最常見的密碼之一，請換一個',
  },
  email: { en: 'must not contain the e-mail address', fr: 'ne doit pas contenir l’adresse e-mail', zh: '不能包含电子邮件地址', 'zh-Hant': '不能包含電子郵件地址' },
} satisfies Record<string, Record<Locale, string>>

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
  const say = (key: keyof typeof messages) => inLanguage(messages[key], language)
  if (typeof password !== 'string') return say('text')
  const characters = [...password].length
  if (characters < minPasswordLength) return say('short')
  if (characters > maxPasswordLength) return say('long')
  if (isCommonPassword(password)) return say('common')
  if (typeof email === 'string' && email.length > 0 && password.toLowerCase().includes(email.toLowerCase())) return say('email')
  return undefined
}
