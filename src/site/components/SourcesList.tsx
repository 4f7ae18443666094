import type { Locale } from '@/lib/locales'

import { formatDate, formatPartialDate } from '../format'
import { t } from '../messages'

type Source = { id?: string | null; title: string; publisher?: string | null; url?: string | null; date?: string | null }

export const SourcesList = ({ sources, lastVerified, locale }: { sources?: Source[] | null; lastVerified?: string | null; locale: Locale }) => {
  const m = t(locale)
  if (!sources?.length && !lastVerified) return null
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{m.sources}</h2>
      {lastVerified ? <p className="verified">{m.lastVerified(formatDate(lastVerified, locale))}</p> : null}
      <ol>
        {sources?.map((source, index) => (
          <li key={source.id ?? index}>
            {source.url ? <a href={source.url}>{source.title}</a> : source.title}
            {source.publisher ? `, ${source.publisher}` : ''}
            {source.date ? m.sourceDate(formatPartialDate(source.date, locale)) : ''}
          </li>
        ))}
      </ol>
    </section>
  )
}
