import type { Metadata } from 'next'

import type { Locale } from '@/lib/locales'
import type { Media } from '@/payload-types'
import { FallbackNotice } from '@/site/components/FallbackNotice'
import { GuideRichText } from '@/site/components/GuideRichText'
import { JsonLd } from '@/site/components/JsonLd'
import { SiteShell } from '@/site/components/SiteShell'
import { SourcesList } from '@/site/components/SourcesList'
import { documentPageLoader, type DocumentPageParams } from '@/site/documentPage'
import { bcp47, formatDate } from '@/site/format'
import { t } from '@/site/messages'
import { pageMetadata } from '@/site/metadata'
import { madeOnRequest, publishedPaths, switcherPaths } from '@/site/params'
import { absolute, paths } from '@/site/paths'
import { articleIn, shownLocale } from '@/site/queries'

type Props = { params: DocumentPageParams }

const load = documentPageLoader('articles', paths.guide, articleIn)

export const generateStaticParams = madeOnRequest

const socialImage = (image: unknown): string | null => {
  const media = image && typeof image === 'object' ? (image as Media) : null
  return media?.sizes?.social?.url ?? media?.url ?? null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, shown, entry, doc: article } = await load(params)
  return pageMetadata({
    locale,
    shown,
    title: article.seo?.title || article.title || '',
    description: article.seo?.description || article.summary,
    alternates: publishedPaths(entry, paths.guide),
    image: socialImage(article.seo?.image ?? article.heroImage),
    type: 'article',
  })
}

export default async function GuidePage({ params }: Props) {
  const { locale, preview, shown, entry, doc: article } = await load(params)
  const m = t(locale)
  const canonical = absolute(paths.guide(shown, entry.slugs[shown]!))
  return (
    <SiteShell locale={locale} alternates={switcherPaths(entry, paths.guide, (l: Locale) => shownLocale(entry, l))} preview={preview}>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@graph': [
            {
              '@type': 'Article',
              headline: article.title,
              description: article.summary ?? undefined,
              inLanguage: bcp47(shown),
              datePublished: article.publishedAt ?? undefined,
              dateModified: article.updatedAt,
              mainEntityOfPage: canonical,
            },
            {
              '@type': 'BreadcrumbList',
              itemListElement: [
                { '@type': 'ListItem', position: 1, name: m.breadcrumbHome, item: absolute(paths.home(locale)) },
                { '@type': 'ListItem', position: 2, name: article.title, item: canonical },
              ],
            },
          ],
        }}
      />
      <article lang={shown === locale ? undefined : bcp47(shown)}>
        <FallbackNotice locale={locale} shown={shown} />
        <h1>{article.title}</h1>
        <p className="meta">
          {article.publishedAt ? m.published(formatDate(article.publishedAt, locale)) : null}
        </p>
        {article.summary ? <p className="summary">{article.summary}</p> : null}
        <GuideRichText data={article.body} locale={shown} />
        <SourcesList sources={article.sources} lastVerified={article.lastVerified} locale={locale} />
      </article>
    </SiteShell>
  )
}
