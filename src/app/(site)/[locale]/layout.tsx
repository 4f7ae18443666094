import type React from 'react'

import { bcp47, direction, localeOfPrefix, sourceLocale } from '@/lib/locales'

import '../site.css'

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> }

/**
 * The document shell. It never calls `notFound()` itself (the nested layout does): Next renders
 * 404 pages through this layout, and a root layout that throws leaves them blank. No static
 * params here: with them, a 404 served before a document is published stays cached after.
 */
export default async function SiteLayout({ children, params }: Props) {
  const locale = localeOfPrefix((await params).locale) ?? sourceLocale
  return (
    <html lang={bcp47(locale)} dir={direction(locale)}>
      <body>{children}</body>
    </html>
  )
}
