import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'

import type { Locale } from '@/lib/locales'

import { t, type Messages } from '../messages'
import { pageMetadata } from '../metadata'
import { everyLocale, localeParam, pageParam } from '../params'
import { listPage, shownLocale, type EntryPage, type SiteCollection } from '../queries'

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

type ListMetadata = {
  collection: SiteCollection
  perPage: number
  title: (m: Messages) => string
  description?: (m: Messages) => string
  /** The list's URL in a locale, at a page. */
  path: (locale: Locale, page: number) => string
}

/** Title ("… · Page 2 of 9" after the first page), description and alternates of a list page. */
export const listMetadata = async (params: ListParams, { collection, perPage, title, description, path }: ListMetadata): Promise<Metadata> => {
  const { locale, page, list } = await loadList(collection, params, perPage)
  const m = t(locale)
  return pageMetadata({
    locale,
    shown: locale,
    title: page > 1 ? `${title(m)} · ${m.pageOf(page, list.totalPages)}` : title(m),
    description: description?.(m),
    alternates: everyLocale((each) => path(each, page)),
  })
}

/** Each listed document read whole, in the locale it is shown in for a reader of `locale`; one readers may not see is left out. */
export const readShown = async <T>(
  { locale, list, preview }: LoadedList,
  read: (id: number, shown: Locale, preview: boolean) => Promise<T | null>,
): Promise<{ shown: Locale; doc: T }[]> => {
  const rows = await Promise.all(
    list.entries.map(async (entry): Promise<{ shown: Locale; doc: T | null }> => {
      const shown = shownLocale(entry, locale)!
      return { shown, doc: await read(entry.id, shown, preview) }
    }),
  )
  return rows.filter((row): row is { shown: Locale; doc: T } => row.doc !== null)
}
