import type { Metadata } from 'next'
import { draftMode } from 'next/headers'

import { SiteShell } from '@/site/components/SiteShell'
import { bcp47, regionName } from '@/site/format'
import { t } from '@/site/messages'
import { everyLocale, localeParam, noPagesAtBuild } from '@/site/params'
import { paths } from '@/site/paths'
import { pageMetadata } from '@/site/metadata'
import { articleIndex, shownLocale, tipIndex } from '@/site/queries'

type Props = { params: Promise<{ locale: string }> }

export const generateStaticParams = noPagesAtBuild

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeParam((await params).locale)
  const m = t(locale)
  return pageMetadata({ locale, shown: locale, title: m.siteName, description: m.tagline, alternates: everyLocale(paths.home) })
}

export default async function HomePage({ params }: Props) {
  const locale = localeParam((await params).locale)
  const m = t(locale)
  const preview = (await draftMode()).isEnabled
  const [articles, tips] = await Promise.all([articleIndex(preview), tipIndex(preview)])
  const destinations = [...new Set(articles.map((entry) => entry.destination))].sort()
  return (
    <SiteShell locale={locale} alternates={everyLocale(paths.home)} preview={preview}>
      <h1>{m.siteName}</h1>
      <p>{m.tagline}</p>
      {destinations.map((destination) => (
        <section key={destination} aria-labelledby={`destination-${destination}`}>
          <h2 id={`destination-${destination}`}>{m.destinationGuides(regionName(destination, locale))}</h2>
          <ul className="guides">
            {articles
              .filter((entry) => entry.destination === destination)
              .map((entry) => {
                const shown = shownLocale(entry, locale)!
                return (
                  <li key={entry.id} lang={shown === locale ? undefined : bcp47(shown)}>
                    <a href={paths.guide(locale, entry.slugs[shown]!)}>{entry.titles[shown]}</a>
                    {entry.summaries[shown] ? <p className="muted">{entry.summaries[shown]}</p> : null}
                  </li>
                )
              })}
          </ul>
        </section>
      ))}
      <section aria-labelledby="featured-tips">
        <h2 id="featured-tips">{m.featuredTips}</h2>
        <ul className="tips-list">
          {tips.slice(0, 4).map((entry) => {
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
