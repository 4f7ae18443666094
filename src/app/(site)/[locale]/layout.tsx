import type React from 'react'

import { isLocale, sourceLocale } from '@/lib/locales'
import { bcp47 } from '@/site/format'

import '../site.css'

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> }

/**
 * The document shell. It never calls `notFound()` itself (the nested layout does): Next renders
 * 404 pages through this layout, and a root layout that throws leaves them blank. No static
 * params here: with them, a 404 served before a document is published stays cached after.
 */
export default async function SiteLayout({ children, params }: Props) {
  const { locale } = await params
  return (
    <html lang={bcp47(isLocale(locale) ? locale : sourceLocale)}>
      <body>{children}</body>
    </html>
  )
}
