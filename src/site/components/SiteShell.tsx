import type React from 'react'

import type { Locale } from '@/lib/locales'

import { t } from '../messages'
import { paths, siteUrl } from '../paths'
import { LivePreviewRefresh } from './LivePreviewRefresh'
import { LanguageSwitcher } from './LanguageSwitcher'
import { SearchBox } from './SearchBox'

type Props = {
  locale: Locale
  alternates: Partial<Record<Locale, string>>
  /** Draft mode: staff are looking at unpublished content. */
  preview?: boolean
  /** The search page's query, shown in the header's search box. */
  query?: string
  children: React.ReactNode
}

export const SiteShell = ({ locale, alternates, preview = false, query, children }: Props) => {
  const m = t(locale)
  return (
    <>
      {preview ? (
        <p className="notice preview" role="status">
          {m.previewBanner} <a href={`/next/exit-preview?path=${paths.home(locale)}`}>{m.exitPreview}</a>
          <LivePreviewRefresh serverURL={siteUrl()} />
        </p>
      ) : null}
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
        <SearchBox locale={locale} query={query} />
        <LanguageSwitcher locale={locale} alternates={alternates} />
      </header>
      <main id="content">{children}</main>
      <footer className="site-footer">
        <p>{m.tagline}</p>
      </footer>
    </>
  )
}
