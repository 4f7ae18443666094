import type { Locale } from '@/lib/locales'

/**
 * The page a reader gets when a page cannot be made right now (the database is unreachable, a
 * render took too long) and no earlier copy of it is kept. Apart from messages.ts: Lagon's server
 * sends it without Next, which may be the part that is failing.
 */
export const unavailableText: Record<Locale, { title: string; body: string; home: string }> = {
  zh: { title: '暂时无法显示此页面', body: '服务器暂时无法生成此页面。请稍后再试。', home: '返回首页' },
  en: { title: 'This page is temporarily unavailable', body: 'The server cannot make this page right now. Please try again in a moment.', home: 'Back to the home page' },
  fr: { title: 'Page momentanément indisponible', body: 'Le serveur ne peut pas afficher cette page pour le moment. Réessayez dans un instant.', home: "Retour à l'accueil" },
}
