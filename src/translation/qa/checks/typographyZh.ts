import { qaMessages } from '../labels'
import { excerpt, han, proseOf as prose } from '../text'
import type { Found, TextCheck } from '../types'

/** Half-width marks and their full-width forms in Chinese text. */
const halfWidth = /[,;:?!()]/

/**
 * Chinese typography, in any segment with Chinese in it: no ASCII quotes ("…" is “…” or 「…」),
 * and full-width punctuation (，：；？！（）) next to Chinese characters. Latin text inside stays
 * as it is: `Mobilis (OPT-NC)` between Latin words is not flagged.
 */
export const chineseTypographyCheck: TextCheck = (input, locale) => {
  if (locale !== 'zh') return []
  const text = prose(input)
  if (!han.test(text)) return []
  const found: Found[] = []
  const quote = text.search(/["]/)
  if (quote !== -1) found.push({ code: 'zh-ascii-quotes', severity: 'warning', message: qaMessages.zhQuotes(excerpt(text, quote)) })
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!
    if (!halfWidth.test(char)) continue
    const before = text[index - 1] ?? ''
    const after = text[index + 1] ?? ''
    const nextToHan = han.test(before) || (char === '(' && han.test(after)) || (char === ')' && han.test(before))
    if (!nextToHan) continue
    found.push({ code: 'zh-halfwidth-punctuation', severity: 'warning', message: qaMessages.zhPunctuation(char, excerpt(text, index)) })
    break
  }
  return found
}
