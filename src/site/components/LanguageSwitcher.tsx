import { locales, type Locale } from '@/lib/locales'

import { bcp47 } from '../format'
import { t } from '../messages'

type Props = {
  locale: Locale
  /** Where this same page lives in each locale. */
  alternates: Partial<Record<Locale, string>>
}

/** Links to the same document in the other locales; `?choose=` lets the server remember the choice. */
export const LanguageSwitcher = ({ locale, alternates }: Props) => (
  <nav aria-label={t(locale).language} className="switcher">
    <ul>
      {locales.map(({ code, label }) => {
        const href = alternates[code]
        if (!href) return null
        return (
          <li key={code}>
            <a
              href={`${href}?choose=${code}`}
              hrefLang={bcp47(code)}
              lang={bcp47(code)}
              aria-current={code === locale ? 'page' : undefined}
            >
              {label}
            </a>
          </li>
        )
      })}
    </ul>
  </nav>
)
