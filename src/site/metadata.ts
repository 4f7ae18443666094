import type { Metadata } from 'next'

import type { Locale } from '@/lib/locales'

import { bcp47 } from './format'
import { feedLinks } from './feeds'
import { hreflangLinks } from './hreflang'
import { absolute, siteUrl } from './paths'

type PageMetadata = {
  locale: Locale
  /** The locale whose text the page shows (differs from `locale` on a fallback page). */
  shown: Locale
  title: string
  description?: string | null
  /** This page's path in every locale it is published in. */
  alternates: Partial<Record<Locale, string>>
  image?: string | null
  type?: 'website' | 'article'
}

/**
 * Title, description, canonical, hreflang alternates (exactly the published locales, plus
 * x-default: src/site/hreflang.ts), the locale's feeds, OpenGraph and Twitter tags. A fallback page is `noindex` and canonical to the
 * version it shows.
 */
export const pageMetadata = ({ locale, shown, title, description, alternates, image, type = 'website' }: PageMetadata): Metadata => {
  const canonical = alternates[shown]!
  const languages = Object.fromEntries(hreflangLinks(alternates))
  return {
    metadataBase: new URL(siteUrl()),
    title,
    description: description ?? undefined,
    alternates: { canonical: absolute(canonical), languages, types: feedLinks(locale) },
    robots: shown === locale ? undefined : { index: false, follow: true },
    openGraph: {
      type,
      title,
      description: description ?? undefined,
      url: absolute(canonical),
      locale: bcp47(shown).replace('-Hans', '_CN').replace('-', '_'),
      images: image ? [{ url: image, width: 1200, height: 630 }] : undefined,
    },
    // X reads the title, description and image from OpenGraph when a page gives no twitter:* of its own.
    twitter: { card: image ? 'summary_large_image' : 'summary' },
  }
}
