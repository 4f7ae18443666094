import type { Metadata } from 'next'

import { tipCategories } from '@collections/Tips'
import type { Tip } from '@/payload-types'

import { GuideRichText } from '../components/GuideRichText'
import { Pagination } from '../components/Pagination'
import { SiteShell } from '../components/SiteShell'
import { SourcesList } from '../components/SourcesList'
import { bcp47 } from '../format'
import { t } from '../messages'
import { pageMetadata } from '../metadata'
import { everyLocale } from '../params'
import { paths } from '../paths'
import { shownLocale, tipIn } from '../queries'
import { loadList, type ListParams } from './loadList'

/** Tips show their whole text: 20 keep a page under 30 KB of HTML. */
export const tipsPerPage = 20

export const tipsMetadata = async (params: ListParams): Promise<Metadata> => {
  const { locale, page, list } = await loadList('tips', params, tipsPerPage)
  const m = t(locale)
  return pageMetadata({
    locale,
    shown: locale,
    title: page > 1 ? `${m.tipsTitle} · ${m.pageOf(page, list.totalPages)}` : m.tipsTitle,
    alternates: everyLocale((each) => paths.tips(each, page)),
  })
}

/** Tips by category (in the list's order: category, then their own order), one page at a time. */
export const TipsList = async ({ params }: { params: ListParams }) => {
  const { locale, page, preview, list } = await loadList('tips', params, tipsPerPage)
  const m = t(locale)
  const tips = (
    await Promise.all(
      list.entries.map(async (entry) => {
        const shown = shownLocale(entry, locale)!
        return { shown, tip: await tipIn(entry.id, shown, preview) }
      }),
    )
  ).filter((row): row is { shown: typeof row.shown; tip: Tip } => row.tip !== null)
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
