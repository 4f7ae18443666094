import type { Metadata } from 'next'
import { draftMode } from 'next/headers'

import { tipCategories } from '@collections/Tips'
import type { Tip } from '@/payload-types'
import { GuideRichText } from '@/site/components/GuideRichText'
import { SiteShell } from '@/site/components/SiteShell'
import { SourcesList } from '@/site/components/SourcesList'
import { bcp47 } from '@/site/format'
import { t } from '@/site/messages'
import { pageMetadata } from '@/site/metadata'
import { everyLocale, localeParam, noPagesAtBuild } from '@/site/params'
import { paths } from '@/site/paths'
import { shownLocale, tipIn, tipIndex } from '@/site/queries'

type Props = { params: Promise<{ locale: string }> }

export const generateStaticParams = noPagesAtBuild

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeParam((await params).locale)
  return pageMetadata({ locale, shown: locale, title: t(locale).tipsTitle, alternates: everyLocale(paths.tips) })
}

export default async function TipsPage({ params }: Props) {
  const locale = localeParam((await params).locale)
  const m = t(locale)
  const preview = (await draftMode()).isEnabled
  const tips = (
    await Promise.all(
      (await tipIndex(preview)).map(async (entry) => {
        const shown = shownLocale(entry, locale)!
        return { shown, tip: await tipIn(entry.id, shown, preview) }
      }),
    )
  ).filter((row): row is { shown: typeof row.shown; tip: Tip } => row.tip !== null)
  return (
    <SiteShell locale={locale} alternates={everyLocale(paths.tips)} preview={preview}>
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
    </SiteShell>
  )
}
