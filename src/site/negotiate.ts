import { isLocale, locales, readerDefaultLocale, type Locale } from '@/lib/locales'

export const localeCookie = 'lagon-locale'

/** The locale whose declared range matches `tag` most closely (`zh-tw` takes `zh-tw` over `zh`), or undefined. */
const localeOfTag = (tag: string): Locale | undefined => {
  const matches = locales.flatMap((locale) =>
    locale.negotiation.filter((range) => tag === range.toLowerCase() || tag.startsWith(`${range.toLowerCase()}-`)).map((range) => ({ locale, range })),
  )
  return matches.sort((a, b) => b.range.length - a.range.length)[0]?.locale.code as Locale | undefined
}

/**
 * The locale of the reader's first preference that one of ours matches (each locale declares the
 * Accept-Language ranges it takes: any Chinese → zh, any French → fr); the reader default for none.
 */
export const negotiateLocale = (acceptLanguage: string | null): Locale => {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';')
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.split('=')[1] ?? 1)
      return { tag: tag ?? '', q: Number.isFinite(q) ? q : 0, index }
    })
    .filter(({ tag, q }) => tag && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranked) {
    const locale = localeOfTag(tag)
    if (locale) return locale
  }
  return readerDefaultLocale
}

export const chosenLocale = (cookie: string | undefined): Locale | undefined => (isLocale(cookie) ? cookie : undefined)
