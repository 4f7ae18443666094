import type { Metadata } from 'next'

import { GuideList } from '../components/GuideList'
import { Pagination } from '../components/Pagination'
import { SiteShell } from '../components/SiteShell'
import { t } from '../messages'
import { everyLocale } from '../params'
import { paths } from '../paths'
import { listMetadata, loadList, type ListParams } from './loadList'

/** About 15 KB of HTML a page, whatever the number of guides. */
export const guidesPerPage = 30

export const guidesMetadata = (params: ListParams): Promise<Metadata> =>
  listMetadata(params, { collection: 'articles', perPage: guidesPerPage, title: (m) => m.guidesTitle, description: (m) => m.tagline, path: paths.guides })

/** Every guide, newest first, one page at a time. */
export const GuidesList = async ({ params }: { params: ListParams }) => {
  const { locale, page, preview, list } = await loadList('articles', params, guidesPerPage)
  const m = t(locale)
  return (
    <SiteShell locale={locale} alternates={everyLocale((each) => paths.guides(each, page))} preview={preview}>
      <h1>{m.guidesTitle}</h1>
      <GuideList entries={list.entries} locale={locale} />
      <Pagination locale={locale} page={page} totalPages={list.totalPages} href={(n) => paths.guides(locale, n)} />
    </SiteShell>
  )
}
