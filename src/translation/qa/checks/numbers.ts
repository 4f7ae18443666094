import { qaMessages } from '../labels'
import { minus, withoutUrls } from '../text'
import type { PairCheck } from '../types'

/** A number as written: its value, and its unit when one is written beside it (`%`, a currency). */
export type NumberToken = { value: string; unit: string; written: string }

const spaces = '[ \\u00A0\\u202F]'
/**
 * 1 000, 1 000 (no-break or narrow no-break space), 1,000 and 1000 are the same number in any
 * locale; a decimal mark is `.` or `,` followed by anything but a group of three digits.
 */
const numberPattern = new RegExp(
  `(?<![\\d.,])(\\d{1,3}(?:${spaces}\\d{3})+(?!\\d)|\\d{1,3}(?:,\\d{3})+(?![\\d])|\\d+)(?:[.,](\\d+))?`,
  'g',
)

const multipliers: [RegExp, number][] = [
  [/^\s*万/, 1e4],
  [/^\s*亿/, 1e8],
  [/^\s*(?:millions?|million)\b/i, 1e6],
  [/^\s*(?:milliards?|billions?)\b/i, 1e9],
]

/** Units after a number, and before it (currencies written first: CNY 200, ¥200, 200 €). */
const unitsAfter: [RegExp, string][] = [
  [/^\s*(?:%|％|percent\b|pour\s*cent\b|个百分点)/i, '%'],
  [/^\s*(?:CNY|RMB|yuans?\b|元|人民币|块)/i, 'CNY'],
  [/^\s*(?:XPF|F\s?CFP|francs?\s+CFP|CFP|太平洋法郎)/i, 'XPF'],
  [/^\s*(?:EUR\b|€|euros?\b|欧元)/i, 'EUR'],
  [/^\s*(?:USD\b|US\$|dollars?\b|美元)/i, 'USD'],
]
const unitsBefore: [RegExp, string][] = [
  [/(?:CNY|RMB|¥|￥)\s*$/, 'CNY'],
  [/(?:XPF)\s*$/, 'XPF'],
  [/(?:EUR|€)\s*$/, 'EUR'],
  [/(?:USD|US\$|\$)\s*$/, 'USD'],
]

const months: Record<string, number> = Object.fromEntries(
  [
    ['january', 'janvier'],
    ['february', 'février'],
    ['march', 'mars'],
    ['april', 'avril'],
    ['may', 'mai'],
    ['june', 'juin'],
    ['july', 'juillet'],
    ['august', 'août'],
    ['september', 'septembre'],
    ['october', 'octobre'],
    ['november', 'novembre'],
    ['december', 'décembre'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1])),
)
/** A month's name counts as its number when a day or a year stands beside it ("1er janvier 2024" = 2024 年 1 月 1 日). */
const monthPattern = new RegExp(`(\\d\\s*(?:er|st|nd|rd|th)?\\s+)(${Object.keys(months).join('|')})\\b|\\b(${Object.keys(months).join('|')})(?=\\s+\\d)`, 'giu')

/** Numbers written as words: they satisfy a number in digits on the other side ("trois mois" for "3 个月"). */
const numberWords: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  twenty: 20, thirty: 30, hundred: 100, thousand: 1000,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  vingt: 20, trente: 30, cent: 100, mille: 1000,
}
const hanNumerals: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 百: 100, 千: 1000 }

const canonical = (value: number): string => String(Math.round(value * 1e6) / 1e6)

/** The numbers of a text, whatever the locale's way of writing them; URLs left out (the link check reads them). */
export const numbersIn = (input: string): NumberToken[] => {
  // Months count only beside a number: a text without a digit has no number at all.
  if (!/\d/.test(input)) return []
  const text = withoutUrls(input)
  const tokens: NumberToken[] = []
  for (const match of text.matchAll(numberPattern)) {
    const whole = match[1]!.replace(/[ \u00A0\u202F,]/g, '')
    let value = Number(match[2] === undefined ? whole : `${whole}.${match[2]}`)
    const end = match.index + match[0].length
    const after = text.slice(end, end + 16)
    const multiplier = multipliers.find(([pattern]) => pattern.test(after))
    if (multiplier) value *= multiplier[1]
    const unit =
      unitsAfter.find(([pattern]) => pattern.test(after))?.[1] ??
      unitsBefore.find(([pattern]) => pattern.test(text.slice(Math.max(0, match.index - 4), match.index)))?.[1] ??
      ''
    tokens.push({ value: canonical(value), unit, written: match[0] })
  }
  for (const match of text.matchAll(monthPattern)) {
    const name = (match[2] ?? match[3])!.toLowerCase()
    tokens.push({ value: String(months[name]), unit: '', written: name })
  }
  return tokens
}

/** Values a text gives in words (English, French, Chinese numerals). */
const wordValues = (text: string): Set<string> => {
  const values = new Set<string>()
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (word in numberWords) values.add(String(numberWords[word]))
  }
  for (const char of text) if (char in hanNumerals) values.add(String(hanNumerals[char]))
  return values
}

/**
 * Numbers, dates, percentages and amounts must all be in the translation, and nothing else: a
 * changed number is an error, one written the target locale's way is not. Units compare too:
 * 200 CNY may become 200 元 but not 200 €.
 */
export const numbersCheck: PairCheck = ({ source, target }) => {
  const from = numbersIn(source.text)
  const to = numbersIn(target.text)
  const sourceWords = wordValues(source.text)
  const targetWords = wordValues(target.text)
  const missing = minus(from.map((token) => token.value), to.map((token) => token.value)).filter((value) => !targetWords.has(value))
  const added = minus(to.map((token) => token.value), from.map((token) => token.value)).filter((value) => !sourceWords.has(value))
  const found = []
  if (missing.length || added.length) {
    found.push({ code: 'number-mismatch', severity: 'error' as const, message: qaMessages.numberMismatch(missing, added) })
  }
  for (const token of from) {
    if (!token.unit) continue
    const units = to.filter((other) => other.value === token.value && other.unit).map((other) => other.unit)
    if (units.length > 0 && !units.includes(token.unit)) {
      found.push({ code: 'unit-mismatch', severity: 'error' as const, message: qaMessages.unitMismatch(token.value, token.unit, units[0]!) })
    }
  }
  return found
}
