import { doNotTranslateCheck, glossaryCheck } from './checks/glossary'
import { lengthCheck } from './checks/length'
import { linksCheck } from './checks/links'
import { markupCheck } from './checks/markup'
import { numbersCheck } from './checks/numbers'
import { frenchTypographyCheck } from './checks/typographyFr'
import { chineseTypographyCheck } from './checks/typographyZh'
import { untranslatedCheck } from './checks/untranslated'
import type { PairCheck, TextCheck } from './types'

/** Checks of a translated segment against its source: add one here and it runs everywhere. */
export const pairChecks: PairCheck[] = [
  numbersCheck,
  linksCheck,
  markupCheck,
  glossaryCheck,
  doNotTranslateCheck,
  lengthCheck,
  untranslatedCheck,
]

/** Checks of one locale's text on its own, run on the source as well as on translations. */
export const textChecks: TextCheck[] = [frenchTypographyCheck, chineseTypographyCheck]
