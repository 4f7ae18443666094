import { notFound } from 'next/navigation'
import type React from 'react'

import { isLocale, localeCodes } from '@/lib/locales'
import { bcp47 } from '@/site/format'

import '../site.css'

export const dynamicParams = false

export const generateStaticParams = () => localeCodes.map((locale) => ({ locale }))

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> }

export default async function SiteLayout({ children, params }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  return (
    <html lang={bcp47(locale)}>
      <body>{children}</body>
    </html>
  )
}
