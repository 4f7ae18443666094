import type { Metadata } from 'next'

import { localeCodes } from '@/lib/locales'
import { SiteShell } from '@/site/components/SiteShell'
import { notFoundText } from '@/site/notFoundText'
import { everyLocale, localeParam } from '@/site/params'
import { paths } from '@/site/paths'

type Props = { params: Promise<{ locale: string }> }

/**
 * The 404 page of a locale, as a page Next prerenders. Next 16 cannot server-render a not-found
 * boundary under one of several root layouts (vercel/next.js#59180: it sends an empty shell its
 * runtime fills in), so Lagon's server answers every 404 of the reader site with this page and
 * the 404 status, this URL included (src/server/readerPages.ts).
 */
export const generateStaticParams = () => localeCodes.map((locale) => ({ locale }))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeParam((await params).locale)
  return { title: notFoundText(locale).title, robots: { index: false, follow: true } }
}

export default async function NotFoundPage({ params }: Props) {
  const locale = localeParam((await params).locale)
  const m = notFoundText(locale)
  return (
    <SiteShell locale={locale} alternates={everyLocale(paths.home)}>
      <h1>{m.title}</h1>
      <p>{m.body}</p>
      <p>
        <a href={paths.home(locale)}>{m.home}</a>
      </p>
    </SiteShell>
  )
}
