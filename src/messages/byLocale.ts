import type { Locale } from '@/lib/locales'

import { en, type Messages } from './en'
import { fr } from './fr'
import { zh } from './zh'
import { zhHant } from './zh-Hant'

/** Each locale's message file: a locale declared without one here fails the typecheck. */
export const messagesByLocale: Record<Locale, Messages> = { zh, en, fr, 'zh-Hant': zhHant }
