/**
 * The locales Lagon publishes in. `zh` is the source locale: guides are written in it first,
 * and its required fields are the only ones a document must fill.
 */
export const locales = [
  { code: 'zh', label: '中文', bcp47: 'zh-Hans' },
  { code: 'en', label: 'English', bcp47: 'en', fallbackLocale: ['zh'] },
  { code: 'fr', label: 'Français', bcp47: 'fr', fallbackLocale: ['en', 'zh'] },
] as const

export type Locale = (typeof locales)[number]['code']

export const sourceLocale: Locale = 'zh'

export const localeCodes: Locale[] = locales.map((locale) => locale.code)

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (localeCodes as string[]).includes(value)

/** The locales a read in `locale` may show, its own first then along its fallback chain. */
export const localeWithFallbacks = (locale: Locale): Locale[] => {
  const entry = locales.find((candidate) => candidate.code === locale)
  return [locale, ...(entry && 'fallbackLocale' in entry ? entry.fallbackLocale : [])]
}
