import type { Locale } from '@/lib/locales'

import { t } from '../messages'
import { paths } from '../paths'

/** The site's search form: a plain GET to `/{locale}/search`, which works without JavaScript. */
export const SearchBox = ({ locale, query = '' }: { locale: Locale; query?: string }) => {
  const m = t(locale).search
  return (
    <form role="search" action={paths.search(locale)} method="get" className="search-box">
      <label htmlFor="site-search" className="visually-hidden">
        {m.label}
      </label>
      <input id="site-search" type="search" name="q" defaultValue={query} maxLength={200} required />
      <button type="submit">{m.button}</button>
    </form>
  )
}
