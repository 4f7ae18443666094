import { bcp47, type Locale } from '@/lib/locales'

export { bcp47 }

/** The CFP franc's fixed peg, guaranteed by France: 1,000 XPF = 8.38 EUR. */
export const eurosPerThousandXpf = 8.38

/**
 * One formatter per locale and options, made once: making an `Intl` formatter costs far more than
 * using one, and a guide page formats a dozen dates and prices.
 */
const formatters = new Map<string, unknown>()
const kept = <T>(kind: string, make: () => T, ...key: unknown[]): T => {
  const name = `${kind}:${JSON.stringify(key)}`
  let formatter = formatters.get(name) as T | undefined
  if (formatter === undefined) formatters.set(name, (formatter = make()))
  return formatter
}

const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  kept('date', () => new Intl.DateTimeFormat(bcp47(locale), options), locale, options)

export const formatDate = (value: string | null | undefined, locale: Locale): string =>
  value ? dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(value)) : ''

/** Partial source dates (YYYY, YYYY-MM, YYYY-MM-DD) at the precision they have. */
export const formatPartialDate = (value: string, locale: Locale): string => {
  const [year, month, day] = value.split('-').map(Number)
  const date = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1))
  const options: Intl.DateTimeFormatOptions = day
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : month
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' }
  return dateFormat(locale, options).format(date)
}

export const formatNumber = (value: number, locale: Locale): string => kept('number', () => new Intl.NumberFormat(bcp47(locale)), locale).format(value)

export const formatPrice = (amount: number, currency: string, locale: Locale): string =>
  kept('price', () => new Intl.NumberFormat(bcp47(locale), { style: 'currency', currency }), locale, currency).format(amount)

export const xpfInEuros = (amount: number): number => Math.round(amount * eurosPerThousandXpf * 10) / 10000

export const regionName = (code: string, locale: Locale): string =>
  kept('region', () => new Intl.DisplayNames([bcp47(locale)], { type: 'region' }), locale).of(code) ?? code

export const languageName = (of: Locale, inLocale: Locale): string =>
  kept('language', () => new Intl.DisplayNames([bcp47(inLocale)], { type: 'language' }), inLocale).of(bcp47(of)) ?? of
