'use client'

import { useParams } from 'next/navigation'

import { isLocale, sourceLocale } from '@/lib/locales'

import { notFoundText } from '../notFoundText'

/**
 * The not-found boundary's content: a client component, since not-found pages get no params.
 * Next 16 renders it only in the browser (see the 404 page beside it for readers without JavaScript).
 */
export const NotFoundMessage = () => {
  const params = useParams<{ locale?: string }>()
  const locale = isLocale(params?.locale) ? params.locale : sourceLocale
  const m = notFoundText[locale]
  return (
    <main id="content">
      <title>{m.title}</title>
      <h1>{m.title}</h1>
      <p>{m.body}</p>
      <p>
        <a href={`/${locale}`}>{m.home}</a>
      </p>
    </main>
  )
}
