import { declaredLocales, type LocaleDeclaration } from './localeDeclarations'

export type { LocaleDeclaration } from './localeDeclarations'

/**
 * The locales Lagon publishes in, as declared in `localeDeclarations.ts`; everything that knows of
 * locales (Payload's localization, admin languages, routing, negotiation, hreflang, sitemaps,
 * previews, the API, OpenAPI, search) derives from this list and the helpers below.
 */
export type Locale = (typeof declaredLocales)[number]['code']

/** A declared locale, its codes typed as the set of locales. */
export type LocaleEntry = Omit<LocaleDeclaration, 'code' | 'fallbackLocale'> & { code: Locale; fallbackLocale?: readonly Locale[] }

export const locales: readonly LocaleEntry[] = declaredLocales

/** The locale guides are written in first: its required fields are the only ones a document must fill. */
export const sourceLocale: Locale = (locales.find((locale) => locale.source) ?? locales[0]!).code

export const localeCodes: Locale[] = locales.map((locale) => locale.code)

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (localeCodes as string[]).includes(value)

const declarationOf = (locale: Locale): LocaleEntry => locales.find((entry) => entry.code === locale)!

/** The locales a read in `locale` may show, its own first then along its fallback chain. */
export const localeWithFallbacks = (locale: Locale): Locale[] => {
  const entry = locales.find((candidate) => candidate.code === locale)
  return [locale, ...(entry?.fallbackLocale ?? [])]
}

/** The locale's BCP 47 tag (`lang`, hreflang, Intl). */
export const bcp47 = (locale: Locale): string => declarationOf(locale).bcp47

/** The locale's writing direction (`dir`). */
export const direction = (locale: Locale): 'ltr' | 'rtl' => declarationOf(locale).direction

/** The first segment of the locale's reader URLs, without slashes. */
export const urlPrefix = (locale: Locale): string => declarationOf(locale).prefix

/** The locale whose reader URLs start with `segment`, or undefined. */
export const localeOfPrefix = (segment: unknown): Locale | undefined =>
  locales.find((entry) => entry.prefix === segment)?.code

/** A regular expression source matching any locale's URL prefix (no anchors, no group). */
export const prefixPattern = (): string => locales.map((entry) => entry.prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')

/** First path segments of Lagon's own routes that have a locale's shape: never a reader's page. */
const routesOfLocaleShape = ['api']

/**
 * The shape of a first path segment that names a locale, declared or not (`/de/…` too): reader
 * requests with such a prefix are the site's (an unknown one gets its 404 page). `/api` has that
 * shape and is not one: taken for a page, an API request would lose its credentials to the page cache.
 */
export const prefixShape = `(?!(?:${routesOfLocaleShape.join('|')})(?![a-z0-9-]))[a-z]{2,3}(?:-[a-z0-9]+)*`

/** The locale readers who match none of ours get (negotiation, x-default). */
export const readerDefaultLocale: Locale = (locales.find((locale) => locale.readerDefault) ?? locales[0]!).code

/** An admin language a locale declares (a key of Payload's `i18n.supportedLanguages`). */
export type AdminLanguageCode = (typeof declaredLocales)[number]['adminLanguage']

/** The admin languages (Payload's i18n keys) of the locales, in declaration order, without repeats. */
export const adminLanguageCodes: AdminLanguageCode[] = [...new Set(declaredLocales.map((locale) => locale.adminLanguage))]

/** The admin language editors of the locale read. */
export const adminLanguageOf = (locale: Locale): AdminLanguageCode =>
  declaredLocales.find((entry) => entry.code === locale)!.adminLanguage

/** The locale whose texts an admin language shows; the reader default for an unknown one. */
export const localeOfAdminLanguage = (language: string | undefined): Locale =>
  locales.find((locale) => locale.adminLanguage === language)?.code ?? readerDefaultLocale

/** The PostgreSQL text search configuration of the locale's search vectors and queries. */
export const searchConfigOf = (locale: Locale): string => declarationOf(locale).search.config

/** Whether the locale's text is cut into words by jieba (Chinese) rather than by spaces and punctuation. */
export const segmentsAsChinese = (locale: Locale): boolean => declarationOf(locale).search.words === 'chinese'

/** Locales declared as a conversion of another (zh-Hant of zh, by OpenCC): their text can be made from their source's. */
export type ConvertedLocale = Extract<(typeof declaredLocales)[number], { conversion: object }>['code']

/** The locales whose text is made by conversion from `source`'s (zh-Hant for zh). */
export const conversionsFrom = (source: Locale): LocaleEntry[] => locales.filter((locale) => locale.conversion?.from === source)

/** How `target`'s text is made from `source`'s by conversion, or undefined where it is translated. */
export const conversionOf = (source: Locale, target: Locale): LocaleDeclaration['conversion'] =>
  locales.find((locale) => locale.code === target && locale.conversion?.from === source)?.conversion

/**
 * The name of the glossary field holding a term's form in the locale: its code with `_` for `-`
 * (`zh_Hant`): GraphQL names fields with letters, digits and `_` only, and Payload's GraphQL
 * mutations and filters would not find a field whose name it had to rewrite.
 */
export const glossaryField = (locale: Locale): string => locale.replace(/-/g, '_')
