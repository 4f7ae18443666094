import type { Locale } from '@/lib/locales'

import { languageName } from '../format'
import { t } from '../messages'

/** Says plainly that the reader is not reading a translation. */
export const FallbackNotice = ({ locale, shown }: { locale: Locale; shown: Locale }) =>
  shown === locale ? null : (
    <p className="notice" role="note">
      {t(locale).fallbackNotice(languageName(shown, locale))}
    </p>
  )
