import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'

import type { Locale } from '@/lib/locales'

import { localeParam, pageParam } from '../params'
import { listPage, type EntryPage, type SiteCollection } from '../queries'

/** The route params of a list page: `/{locale}/…` (page 1) or `/{locale}/…/page/{n}`. */
export type ListParams = Promise<{ locale: string; page?: string }>

export type LoadedList = { locale: Locale; page: number; preview: boolean; list: EntryPage }

/** One page of a list, read by a bounded query; a page past the last is a 404. */
export const loadList = async (collection: SiteCollection, params: ListParams, perPage: number): Promise<LoadedList> => {
  const { locale: rawLocale, page: rawPage } = await params
  const locale = localeParam(rawLocale)
  const page = rawPage === undefined ? 1 : pageParam(rawPage)
  const preview = (await draftMode()).isEnabled
  const list = await listPage(collection, locale, page, perPage, preview)
  if (page > list.totalPages) notFound()
  return { locale, page, preview, list }
}
