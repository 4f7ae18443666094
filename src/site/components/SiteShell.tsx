import type React from 'react'

import type { Locale } from '@/lib/locales'

import { t } from '../messages'
import { paths } from '../paths'
import { LanguageSwitcher } from './LanguageSwitcher'

type Props = {
  locale: Locale
  alternates: Partial<Record<Locale, string>>
  children: React.ReactNode
}

export const SiteShell = ({ locale, alternates, children }: Props) => {
  const m = t(locale)
  return (
    <>
      <a className="skip" href="#content">
        {m.skipToContent}
      </a>
      <header className="site-header">
        <a className="brand" href={paths.home(locale)}>
          {m.siteName}
        </a>
        <nav aria-label={m.siteName}>
          <ul className="nav">
            <li>
              <a href={paths.home(locale)}>{m.nav.home}</a>
            </li>
            <li>
              <a href={paths.carriers(locale)}>{m.nav.carriers}</a>
            </li>
            <li>
              <a href={paths.tips(locale)}>{m.nav.tips}</a>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher locale={locale} alternates={alternates} />
      </header>
      <main id="content">{children}</main>
      <footer className="site-footer">
        <p>{m.tagline}</p>
      </footer>
    </>
  )
}
