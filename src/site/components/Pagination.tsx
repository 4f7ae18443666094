import type { Locale } from '@/lib/locales'

import { t } from '../messages'

type Props = {
  locale: Locale
  page: number
  /** The URL of page `n` of this list (path pagination: Lagon's front server keeps no URL with a query string). */
  href: (page: number) => string
} & (
  | { totalPages: number; hasNextPage?: never }
  /** A list without a total (search results): whether a next page holds anything. */
  | { hasNextPage: boolean; totalPages?: never }
)

/** Previous and next links of a list, plain links that work without JavaScript. */
export const Pagination = ({ locale, page, totalPages, hasNextPage, href }: Props) => {
  const hasNext = totalPages === undefined ? hasNextPage : page < totalPages
  if (totalPages === undefined ? page <= 1 && !hasNext : totalPages <= 1) return null
  const m = t(locale)
  return (
    <nav aria-label={m.pagination} className="pagination">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {m.previousPage}
        </a>
      ) : null}
      <span aria-current="page">{totalPages === undefined ? m.pageNumber(page) : m.pageOf(page, totalPages)}</span>
      {hasNext ? (
        <a href={href(page + 1)} rel="next">
          {m.nextPage}
        </a>
      ) : null}
    </nav>
  )
}
