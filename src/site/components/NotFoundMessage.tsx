'use client'

import { useParams } from 'next/navigation'

import { isLocale, sourceLocale } from '@/lib/locales'

/** Only the 404 page's own strings: a client component, since not-found pages get no params. */
const text = {
  zh: { title: '找不到此页面', body: '此页面不存在，或尚未发布。', home: '返回首页' },
  en: { title: 'Page not found', body: 'This page does not exist, or is not published yet.', home: 'Back to the home page' },
  fr: { title: 'Page introuvable', body: "Cette page n'existe pas, ou n'est pas encore publiée.", home: "Retour à l'accueil" },
}

export const NotFoundMessage = () => {
  const params = useParams<{ locale?: string }>()
  const locale = isLocale(params?.locale) ? params.locale : sourceLocale
  const m = text[locale]
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
