import type { AcceptedLanguages } from '@payloadcms/translations'

/**
 * The one declaration of the locales Lagon publishes in. Adding a language is: an entry here, a
 * message file in `src/messages/`, and `npm run migrate:create` (docs/development.md).
 * It is plain data (types are its only imports): the proxy and client components read it too.
 */
export type LocaleDeclaration = {
  /** Payload's locale code: the `locale` of the API, the `_locale` of the database. */
  code: string
  /** The BCP 47 tag of `lang` attributes, hreflang and Intl. */
  bcp47: string
  /** The language's name, in itself (admin locale menu, language switcher). */
  label: string
  direction: 'ltr' | 'rtl'
  /** The locales a read falls back to, in order, when a field has no text in this one. */
  fallbackLocale?: readonly string[]
  /** The first segment of reader URLs (`/zh-hant/guides/…`): lower case. */
  prefix: string
  /** True for the one locale guides are written in first. */
  source?: boolean
  /** True for the one locale readers who match none of ours get (negotiation, x-default). */
  readerDefault?: boolean
  /** Accept-Language ranges sent here (`zh` takes every zh-…); the longest matching range wins. */
  negotiation: readonly string[]
  /** Payload's admin language (a key of `@payloadcms/translations`) that editors of this locale read. */
  adminLanguage: AcceptedLanguages
  /** Readers' search: the text search configuration, and how words are cut (`chinese`: jieba). */
  search: { config: string; words: 'chinese' | 'spaces' }
  /** DeepL's codes for this locale, where DeepL translates it. */
  deepl?: { source: string; target: string }
  /**
   * A locale written in another script of a declared one: its translations from `from` are made by
   * OpenCC conversion (`opencc-js`, no key needed), from OpenCC's `source` standard to its `target`
   * one (`cn` → `twp`: Simplified to Traditional with Taiwan's phrases). Converted text is kept in
   * step with its source (src/translation/machine/conversion.ts).
   */
  conversion?: { from: string; opencc: { source: 'cn'; target: 'tw' | 'twp' | 'hk' | 't' } }
}

export const declaredLocales = [
  {
    code: 'zh',
    bcp47: 'zh-Hans',
    label: '中文',
    direction: 'ltr',
    prefix: 'zh',
    source: true,
    negotiation: ['zh'],
    adminLanguage: 'zh',
    search: { config: 'simple', words: 'chinese' },
    deepl: { source: 'zh', target: 'zh-HANS' },
  },
  {
    code: 'en',
    bcp47: 'en',
    label: 'English',
    direction: 'ltr',
    fallbackLocale: ['zh'],
    prefix: 'en',
    readerDefault: true,
    negotiation: ['en'],
    adminLanguage: 'en',
    search: { config: 'lagon_en', words: 'spaces' },
    // British English: DeepL wants a variant for English targets.
    deepl: { source: 'en', target: 'en-GB' },
  },
  {
    code: 'fr',
    bcp47: 'fr',
    label: 'Français',
    direction: 'ltr',
    fallbackLocale: ['en', 'zh'],
    prefix: 'fr',
    negotiation: ['fr'],
    adminLanguage: 'fr',
    search: { config: 'lagon_fr', words: 'spaces' },
    deepl: { source: 'fr', target: 'fr' },
  },
  {
    // A hyphen works everywhere Payload puts a locale code (REST `?locale=zh-Hant`, the GraphQL
    // enum value `zh_Hant`, the database's `_locales` enum): the code is the BCP 47 tag itself.
    code: 'zh-Hant',
    bcp47: 'zh-Hant',
    label: '繁體中文',
    direction: 'ltr',
    fallbackLocale: ['zh'],
    prefix: 'zh-hant',
    negotiation: ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant'],
    adminLanguage: 'zh-TW',
    search: { config: 'simple', words: 'chinese' },
    conversion: { from: 'zh', opencc: { source: 'cn', target: 'twp' } },
  },
] as const satisfies readonly LocaleDeclaration[]
