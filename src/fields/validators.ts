import type { Validate } from 'payload'

import { countryCodes } from '@/lib/iso3166'
import { sourceLocale } from '@/lib/locales'

const currencyCodes = new Set(Intl.supportedValuesOf('currency'))

export const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export const validateHttpUrl: Validate<string | null | undefined> = (value, { required }) => {
  if (!value) return required ? 'A URL is required.' : true
  return isHttpUrl(value) ? true : `"${value}" is not an http(s) URL.`
}

export const validateCountryCode: Validate<string | null | undefined> = (value, { required }) => {
  if (!value) return required ? 'A destination is required.' : true
  return countryCodes.has(value)
    ? true
    : `"${value}" is not an ISO 3166-1 alpha-2 country code (e.g. NC).`
}

export const validateCurrencyCode: Validate<string | null | undefined> = (value, { siblingData }) => {
  const amount = (siblingData as { amount?: number | null }).amount
  if (!value) return amount == null ? true : 'A price needs its ISO 4217 currency (e.g. XPF).'
  return currencyCodes.has(value) ? true : `"${value}" is not an ISO 4217 currency code (e.g. XPF, EUR).`
}

export const validateNonNegative: Validate<number | null | undefined> = (value) =>
  value == null || (Number.isFinite(value) && value >= 0) ? true : 'Must be zero or more.'

export const validateDataAllowance: Validate<number | null | undefined> = (value, { siblingData }) => {
  if ((siblingData as { unlimitedData?: boolean }).unlimitedData && value != null) {
    return 'An unlimited offer has no data allowance: leave it empty.'
  }
  return value == null || (Number.isFinite(value) && value >= 0) ? true : 'Must be zero or more.'
}

/** Partial dates are common in sources ("Sept 2024"): YYYY, YYYY-MM or YYYY-MM-DD. */
export const validatePartialDate: Validate<string | null | undefined> = (value) =>
  !value || /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value)
    ? true
    : `"${value}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD.`

/**
 * Translations may be incomplete (readers fall back along the chain), so a localized field is
 * only required in the source locale, and when a document is first created.
 */
export const requiredInSourceLocale: Validate<unknown> = (value, { req, operation }) => {
  const empty = value == null || (typeof value === 'string' && value.trim() === '')
  if (!empty) return true
  if (req.locale === sourceLocale || operation === 'create') {
    return `Required in the source locale (${sourceLocale}).`
  }
  return true
}
