import type { Locale } from '@/lib/locales'

import { t } from '../messages'

type Props = {
  locale: Locale
  page: number
  totalPages: number
  /** The URL of page `n` of this list (path pagination: Lagon's front server keeps no URL with a query string). */
  href: (page: number) => string
}

/** Previous and next links of a list, plain links that work without JavaScript. */
export const Pagination = ({ locale, page, totalPages, href }: Props) => {
  if (totalPages <= 1) return null
  const m = t(locale)
  return (
    <nav aria-label={m.pagination} className="pagination">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {m.previousPage}
        </a>
      ) : null}
      <span aria-current="page">{m.pageOf(page, totalPages)}</span>
      {page < totalPages ? (
        <a href={href(page + 1)} rel="next">
          {m.nextPage}
        </a>
      ) : null}
    </nav>
  )
}
