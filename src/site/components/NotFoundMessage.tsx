'use client'

import { useParams } from 'next/navigation'

import { localeOfPrefix, sourceLocale, urlPrefix } from '@/lib/locales'

import { notFoundText } from '../notFoundText'

/**
 * The not-found boundary's content: a client component, since not-found pages get no params.
 * Next 16 renders it only in the browser (see the 404 page beside it for readers without JavaScript).
 */
export const NotFoundMessage = () => {
  const params = useParams<{ locale?: string }>()
  const locale = localeOfPrefix(params?.locale) ?? sourceLocale
  const m = notFoundText(locale)
  return (
    <main id="content">
      <title>{m.title}</title>
      <h1>{m.title}</h1>
      <p>{m.body}</p>
      <p>
        <a href={`/${urlPrefix(locale)}`}>{m.home}</a>
      </p>
    </main>
  )
}
