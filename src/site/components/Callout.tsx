import type React from 'react'

import type { Locale } from '@/lib/locales'

import { t } from '../messages'

type Props = { kind: 'note' | 'warning' | 'unverified'; locale: Locale; children: React.ReactNode }

export const Callout = ({ kind, locale, children }: Props) => (
  <aside className={`callout callout-${kind}`}>
    <p className="callout-label">{t(locale).callout[kind]}</p>
    {children}
  </aside>
)
