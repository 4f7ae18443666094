import { draftMode } from 'next/headers'
import { notFound, permanentRedirect } from 'next/navigation'

import type { Locale } from '@/lib/locales'

import { localeParam } from './params'
import { resolveSlug, type SiteCollection } from './queries'

export type DocumentPageParams = Promise<{ locale: string; slug: string }>

/**
 * What a document's page (a guide, a carrier) reads before it renders: the slug resolved in the
 * locale (a previous slug redirects to the current one, a missing one is a 404), the locale its
 * text is shown in, and the document with what it embeds. Its metadata and its body share it.
 */
export const documentPageLoader =
  <T>(collection: SiteCollection, pathOf: (locale: Locale, slug: string) => string, read: (id: number, shown: Locale, preview: boolean) => Promise<T | null>) =>
  async (params: DocumentPageParams) => {
    const { locale: rawLocale, slug } = await params
    const locale = localeParam(rawLocale)
    const preview = (await draftMode()).isEnabled
    const resolution = await resolveSlug(collection, locale, decodeURIComponent(slug), preview)
    if (resolution.kind === 'missing') notFound()
    if (resolution.kind === 'redirect') permanentRedirect(pathOf(locale, resolution.slug))
    const doc = await read(resolution.entry.id, resolution.shown, preview)
    if (!doc) notFound()
    return { locale, preview, shown: resolution.shown, entry: resolution.entry, doc }
  }
