import type { Metadata } from 'next'
import { draftMode } from 'next/headers'

import { GuideList } from '@/site/components/GuideList'
import { SiteShell } from '@/site/components/SiteShell'
import { t } from '@/site/messages'
import { everyLocale, localeParam, madeOnRequest } from '@/site/params'
import { paths } from '@/site/paths'
import { pageMetadata } from '@/site/metadata'
import { listPage, shownLocale } from '@/site/queries'

type Props = { params: Promise<{ locale: string }> }

/** The home page shows the newest guides and a few tips, however many there are: the rest is one link away. */
const latestGuides = 12
const featuredTips = 4

export const generateStaticParams = madeOnRequest

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeParam((await params).locale)
  const m = t(locale)
  return pageMetadata({ locale, shown: locale, title: m.siteName, description: m.tagline, alternates: everyLocale(paths.home) })
}

export default async function HomePage({ params }: Props) {
  const locale = localeParam((await params).locale)
  const m = t(locale)
  const preview = (await draftMode()).isEnabled
  const [articles, tips] = await Promise.all([
    listPage('articles', locale, 1, latestGuides, preview),
    listPage('tips', locale, 1, featuredTips, preview),
  ])
  return (
    <SiteShell locale={locale} alternates={everyLocale(paths.home)} preview={preview}>
      <h1>{m.siteName}</h1>
      <p>{m.tagline}</p>
      <section aria-labelledby="latest-guides">
        <h2 id="latest-guides">{m.latestGuides}</h2>
        <GuideList entries={articles.entries} locale={locale} />
        <p>
          <a href={paths.guides(locale)}>{m.allGuides}</a>
        </p>
      </section>
      <section aria-labelledby="featured-tips">
        <h2 id="featured-tips">{m.featuredTips}</h2>
        <ul className="tips-list">
          {tips.entries.map((entry) => {
            const shown = shownLocale(entry, locale)!
            return (
              <li key={entry.id}>
                <a href={`${paths.tips(locale)}#${entry.slugs[shown]}`}>{entry.titles[shown]}</a>
              </li>
            )
          })}
        </ul>
        <p>
          <a href={paths.tips(locale)}>{m.allTips}</a>
        </p>
      </section>
    </SiteShell>
  )
}
