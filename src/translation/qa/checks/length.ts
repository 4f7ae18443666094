import type { Locale } from '@/lib/locales'

import { qaMessages } from '../labels'
import { han } from '../text'
import type { PairCheck } from '../types'

/** About how many Latin letters a Chinese character stands for: lengths compare in Latin letters. */
const hanWeight = 3

const weightedLength = (text: string): number => {
  let length = 0
  for (const char of text) length += han.test(char) ? hanWeight : 1
  return length
}

/** French runs about 15 % longer than English or Chinese (in weighted letters). */
const verbosity = (locale: Locale): number => (locale === 'fr' ? 1.15 : 1)

/** Beyond these factors of the usual ratio, a segment is suspect. */
const tooShort = 0.4
const tooLong = 2.5

/**
 * A segment much shorter or longer than translations usually are: something may be missing or
 * added (a warning). Chinese characters weigh as three letters, so mixed Chinese and Latin
 * segments (names, brands) compare fairly.
 */
export const lengthCheck: PairCheck = ({ source, target, sourceLocale, targetLocale }) => {
  const from = weightedLength(source.text.trim())
  const to = weightedLength(target.text.trim())
  // Short segments (names, labels) vary too much to say anything.
  if (!to || from < 30) return []
  const norm = verbosity(targetLocale) / verbosity(sourceLocale)
  const ratio = to / from
  if (ratio / norm >= tooShort && ratio / norm <= tooLong) return []
  return [{ code: 'length-ratio', severity: 'warning', message: qaMessages.lengthRatio(ratio.toFixed(1), norm.toFixed(1)) }]
}
