import { qaMessages } from '../labels'
import { excerpt, proseOf as prose } from '../text'
import type { Found, TextCheck } from '../types'

const nbsp = /[\u00A0\u202F]/

/**
 * French typography: a non-breaking (or narrow non-breaking) space before : ; ? ! » and after «,
 * « » rather than straight or English quotes, thousands grouped with a no-break space (1 000,
 * never 1,000: a comma is the decimal mark). One finding per kind of mistake, quoting the first.
 */
export const frenchTypographyCheck: TextCheck = (input, locale) => {
  if (locale !== 'fr') return []
  const text = prose(input)
  const found: Found[] = []
  const first = new Map<string, { mark: string; index: number }>()
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!
    const before = text[index - 1]
    const after = text[index + 1]
    if (':;?!»'.includes(char)) {
      if (before === undefined || nbsp.test(before)) continue
      // Times (10:30), a second mark (?!), a closing parenthesis or quote before: not this rule's.
      if (char === ':' && /\d/.test(before) && after !== undefined && /\d/.test(after)) continue
      if ('?!:;'.includes(before)) continue
      if (!first.has('before')) first.set('before', { mark: char, index })
    } else if (char === '«') {
      if (after !== undefined && !nbsp.test(after) && !first.has('after')) first.set('after', { mark: char, index })
    } else if ((char === '"' || char === '“' || char === '”') && !first.has('quotes')) {
      first.set('quotes', { mark: char, index })
    }
  }
  for (const [kind, { mark, index }] of first) {
    if (kind === 'quotes') found.push({ code: 'fr-quotes', severity: 'warning', message: qaMessages.frQuotes(excerpt(text, index)) })
    else found.push({ code: 'fr-nbsp', severity: 'warning', message: qaMessages.frSpace(mark, excerpt(text, index)) })
  }
  const badNumber = text.match(/(?<![\d.,])\d{1,3}(?:(?: |,)\d{3})+(?![\d,])/)
  if (badNumber) found.push({ code: 'fr-number', severity: 'warning', message: qaMessages.frNumber(badNumber[0]) })
  return found
}
