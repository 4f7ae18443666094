import type React from 'react'

import { isLocale, localeCodes, sourceLocale } from '@/lib/locales'
import { bcp47 } from '@/site/format'

import '../site.css'

// Any other first segment (`/de/…`) matches no route: the whole-document 404 of app/not-found.tsx.
export const dynamicParams = false
export const generateStaticParams = () => localeCodes.map((locale) => ({ locale }))

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> }

/**
 * The document shell. It never calls `notFound()` itself (the nested layout does): Next renders
 * 404 pages through this layout, and a root layout that throws leaves them blank.
 */
export default async function SiteLayout({ children, params }: Props) {
  const { locale } = await params
  return (
    <html lang={bcp47(isLocale(locale) ? locale : sourceLocale)}>
      <body>{children}</body>
    </html>
  )
}
