import { qaMessages } from '../labels'
import { han } from '../text'
import type { PairCheck } from '../types'

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * A segment left as the source: an error when it is in another script than the target locale's
 * (Chinese left on the French site), a warning for a longer Latin text left as it was. Names
 * and short labels may rightly stay the same.
 */
export const untranslatedCheck: PairCheck = ({ source, target, targetLocale }) => {
  const text = normalized(source.text)
  if (!text || text !== normalized(target.text)) return []
  const otherScript = han.test(text) !== (targetLocale === 'zh')
  if (otherScript && han.test(text)) return [{ code: 'untranslated', severity: 'error', message: qaMessages.untranslated() }]
  if (text.length >= 25 && /\p{L}/u.test(text)) return [{ code: 'untranslated', severity: 'warning', message: qaMessages.untranslated() }]
  return []
}
