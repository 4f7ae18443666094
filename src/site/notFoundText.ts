import type { Locale } from '@/lib/locales'

/** The 404 page's strings, apart from messages.ts: the client-side not-found boundary loads only these. */
export const notFoundText: Record<Locale, { title: string; body: string; home: string }> = {
  zh: { title: '找不到此页面', body: '此页面不存在，或尚未发布。', home: '返回首页' },
  en: { title: 'Page not found', body: 'This page does not exist, or is not published yet.', home: 'Back to the home page' },
  fr: { title: 'Page introuvable', body: "Cette page n'existe pas, ou n'est pas encore publiée.", home: "Retour à l'accueil" },
}
