import type React from 'react'

import { localeParam } from '@/site/params'

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> }

/** An unknown locale prefix (`/de/…`) is a 404; the not-found boundary beside this layout renders it. */
export default async function PagesLayout({ children, params }: Props) {
  localeParam((await params).locale)
  return children
}
