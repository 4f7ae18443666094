import type { Metadata } from 'next'

import type { Highlighted } from '@/search/marks'
import { search, type SearchResult } from '@/search/query'
import { readerQuery } from '@/search/input'
import { defaultSearchLimit } from '@/search/settings'

import { Pagination } from '../components/Pagination'
import { SiteShell } from '../components/SiteShell'
import { formatDate } from '../format'
import { t } from '../messages'
import { pageMetadata } from '../metadata'
import { everyLocale, localeParam } from '../params'
import { paths } from '../paths'
import { sitePayload } from '../payload'

export type SearchPageProps = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const readParams = async ({ params, searchParams }: SearchPageProps) => {
  const locale = localeParam((await params).locale)
  const query = await searchParams
  const q = readerQuery(query.q)
  const rawPage = Array.isArray(query.page) ? query.page[0] : query.page
  const page = rawPage && /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1
  return { locale, q, page }
}

/** Search pages are for readers, not for search engines: each is `noindex`. */
export const searchMetadata = async (props: SearchPageProps): Promise<Metadata> => {
  const { locale, q } = await readParams(props)
  const m = t(locale).search
  return {
    ...pageMetadata({ locale, shown: locale, title: q ? m.resultsTitle(q) : m.title, description: m.description, alternates: everyLocale((each) => paths.search(each)) }),
    robots: { index: false, follow: true },
  }
}

const Runs = ({ runs }: { runs: Highlighted }) => (
  <>{runs.map((run, index) => (run.hit ? <mark key={index}>{run.text}</mark> : <span key={index}>{run.text}</span>))}</>
)

/**
 * `/{locale}/search?q=`: readers' search, rendered on the server for each request (never kept:
 * Lagon's front keeps no URL with a query string), a GET form that needs no JavaScript.
 */
export const SearchResults = async (props: SearchPageProps) => {
  const { locale, q, page } = await readParams(props)
  const m = t(locale)
  const result: SearchResult | null = q ? await search(await sitePayload(), { q, locale, page, limit: defaultSearchLimit }) : null
  return (
    <SiteShell locale={locale} alternates={everyLocale((each) => paths.search(each))} query={q}>
      <h1>{q ? m.search.resultsTitle(q) : m.search.title}</h1>
      {!result ? <p>{m.search.prompt}</p> : null}
      {result?.suggestion ? (
        <p className="suggestion">
          {m.search.didYouMean} <a href={paths.search(locale, result.suggestion)}>{result.suggestion}</a>
        </p>
      ) : null}
      {result && result.hits.length === 0 && page === 1 ? <p className="muted">{m.search.none(q)}</p> : null}
      {result && result.hits.length > 0 ? (
        <ol className="results" start={(page - 1) * defaultSearchLimit + 1}>
          {result.hits.map((hit) => (
            <li key={`${hit.collection}-${hit.id}`}>
              <h2>
                <a href={hit.path}>
                  <Runs runs={hit.title} />
                </a>
              </h2>
              <p className="meta">
                {m.search.kinds[hit.collection]} · {formatDate(hit.date, locale)}
              </p>
              {hit.snippet.length > 0 ? (
                <p className="snippet">
                  <Runs runs={hit.snippet} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {result && result.bestOnly && result.hits.length > 0 && !result.hasNextPage ? <p className="muted">{m.search.bestOnly}</p> : null}
      {result ? <Pagination locale={locale} page={page} hasNextPage={result.hasNextPage} href={(n) => paths.search(locale, q, n)} /> : null}
    </SiteShell>
  )
}
