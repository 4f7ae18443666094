import type { Locale } from '@/lib/locales'

import { bcp47 } from '../format'
import { paths } from '../paths'
import { shownLocale, type IndexEntry } from '../queries'

/** Guides as links with their summary, each in the reader's language or the best published one. */
export const GuideList = ({ entries, locale }: { entries: IndexEntry[]; locale: Locale }) => (
  <ul className="guides">
    {entries.map((entry) => {
      const shown = shownLocale(entry, locale)!
      return (
        <li key={entry.id} lang={shown === locale ? undefined : bcp47(shown)}>
          <a href={paths.guide(locale, entry.slugs[shown]!)}>{entry.titles[shown]}</a>
          {entry.summaries[shown] ? <p className="muted">{entry.summaries[shown]}</p> : null}
        </li>
      )
    })}
  </ul>
)
