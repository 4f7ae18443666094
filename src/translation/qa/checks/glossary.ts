import { qaMessages } from '../labels'
import { containsTerm } from '../text'
import type { Found, PairCheck } from '../types'

/** A glossary term in the source is rendered as the glossary says in the translation. */
export const glossaryCheck: PairCheck = ({ source, target, sourceLocale, targetLocale, glossary }) => {
  const found: Found[] = []
  for (const term of glossary) {
    if (term.doNotTranslate) continue
    const from = term.forms[sourceLocale]?.trim()
    const to = term.forms[targetLocale]?.trim()
    if (!from || !to || !containsTerm(source.text, from)) continue
    if (!containsTerm(target.text, to)) found.push({ code: 'glossary-term', severity: 'error', message: qaMessages.glossaryTerm(from, to) })
  }
  return found
}

/** A do-not-translate term in the source stays exactly as written there. */
export const doNotTranslateCheck: PairCheck = ({ source, target, sourceLocale, glossary }) => {
  const found: Found[] = []
  for (const term of glossary) {
    if (!term.doNotTranslate) continue
    const form = (term.forms[sourceLocale] ?? Object.values(term.forms).find(Boolean))?.trim()
    if (!form || !containsTerm(source.text, form, { caseSensitive: true })) continue
    if (!containsTerm(target.text, form, { caseSensitive: true })) {
      found.push({ code: 'do-not-translate', severity: 'error', message: qaMessages.doNotTranslate(form) })
    }
  }
  return found
}
