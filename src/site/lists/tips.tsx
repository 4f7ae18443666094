import type { Metadata } from 'next'

import { tipCategories } from '@collections/Tips'

import { GuideRichText } from '../components/GuideRichText'
import { Pagination } from '../components/Pagination'
import { SiteShell } from '../components/SiteShell'
import { SourcesList } from '../components/SourcesList'
import { bcp47 } from '../format'
import { t } from '../messages'
import { everyLocale } from '../params'
import { paths } from '../paths'
import { tipIn } from '../queries'
import { listMetadata, loadList, readShown, type ListParams } from './loadList'

/** Tips show their whole text: 20 keep a page under 30 KB of HTML. */
export const tipsPerPage = 20

export const tipsMetadata = (params: ListParams): Promise<Metadata> =>
  listMetadata(params, { collection: 'tips', perPage: tipsPerPage, title: (m) => m.tipsTitle, path: paths.tips })

/** Tips by category (in the list's order: category, then their own order), one page at a time. */
export const TipsList = async ({ params }: { params: ListParams }) => {
  const loaded = await loadList('tips', params, tipsPerPage)
  const { locale, page, preview, list } = loaded
  const m = t(locale)
  const tips = (await readShown(loaded, tipIn)).map(({ shown, doc }) => ({ shown, tip: doc }))
  return (
    <SiteShell locale={locale} alternates={everyLocale((each) => paths.tips(each, page))} preview={preview}>
      <h1>{m.tipsTitle}</h1>
      {tipCategories
        .filter((category) => tips.some(({ tip }) => tip.category === category))
        .map((category) => (
          <section key={category} aria-labelledby={`category-${category}`}>
            <h2 id={`category-${category}`}>{m.categories[category]}</h2>
            {tips
              .filter(({ tip }) => tip.category === category)
              .map(({ tip, shown }) => (
                <article key={tip.id} id={tip.slug ?? undefined} className="card" lang={shown === locale ? undefined : bcp47(shown)}>
                  <h3>{tip.title}</h3>
                  <GuideRichText data={tip.body} locale={shown} />
                  <SourcesList sources={tip.sources} lastVerified={tip.lastVerified} locale={locale} />
                </article>
              ))}
          </section>
        ))}
      <Pagination locale={locale} page={page} totalPages={list.totalPages} href={(n) => paths.tips(locale, n)} />
    </SiteShell>
  )
}
