import type { PayloadRequest, Validate } from 'payload'

import { countryCodes } from '@/lib/iso3166'
import { sourceLocale } from '@/lib/locales'
import { messagesOfRequest } from '@/messages'

const currencyCodes = new Set(Intl.supportedValuesOf('currency'))

/** Why a value is refused, in the language the request reads (the editor's admin language; English for an API client that names none). */
export const validationMessages = (req: Partial<PayloadRequest> | undefined) => messagesOfRequest(req).validation

export const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export const validateHttpUrl: Validate<string | null | undefined> = (value, { required, req }) => {
  if (!value) return required ? validationMessages(req).urlRequired : true
  return isHttpUrl(value) ? true : validationMessages(req).notHttpUrl(value)
}

export const validateCountryCode: Validate<string | null | undefined> = (value, { required, req }) => {
  if (!value) return required ? validationMessages(req).destinationRequired : true
  return countryCodes.has(value) ? true : validationMessages(req).notCountryCode(value)
}

export const validateCurrencyCode: Validate<string | null | undefined> = (value, { siblingData, req }) => {
  const amount = (siblingData as { amount?: number | null }).amount
  if (!value) return amount == null ? true : validationMessages(req).currencyNeeded
  return currencyCodes.has(value) ? true : validationMessages(req).notCurrencyCode(value)
}

export const validateNonNegative: Validate<number | null | undefined> = (value, { req }) =>
  value == null || (Number.isFinite(value) && value >= 0) ? true : validationMessages(req).notNegative

export const validateDataAllowance: Validate<number | null | undefined> = (value, options) => {
  if ((options.siblingData as { unlimitedData?: boolean }).unlimitedData && value != null) {
    return validationMessages(options.req).unlimitedHasNoAllowance
  }
  return validateNonNegative(value, options)
}

/** Partial dates are common in sources ("Sept 2024"): YYYY, YYYY-MM or YYYY-MM-DD. */
export const validatePartialDate: Validate<string | null | undefined> = (value, { req }) =>
  !value || /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value) ? true : validationMessages(req).notPartialDate(value)

/**
 * Translations may be incomplete (readers fall back along the chain), so a localized field is
 * only required in the source locale, and when a document is first created.
 */
export const requiredInSourceLocale: Validate<unknown> = (value, { req, operation }) => {
  const empty = value == null || (typeof value === 'string' && value.trim() === '')
  if (!empty) return true
  if (req.locale === sourceLocale || operation === 'create') {
    return validationMessages(req).requiredInSource(sourceLocale)
  }
  return true
}
