import { isLocale, type Locale } from '@/lib/locales'

export const localeCookie = 'lagon-locale'

/** Any Chinese → zh, any French → fr, anything else → en, in the order of the reader's preferences. */
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
    const primary = tag.split('-')[0]
    if (primary === 'zh') return 'zh'
    if (primary === 'fr') return 'fr'
    if (primary === 'en') return 'en'
  }
  return 'en'
}

export const chosenLocale = (cookie: string | undefined): Locale | undefined => (isLocale(cookie) ? cookie : undefined)
