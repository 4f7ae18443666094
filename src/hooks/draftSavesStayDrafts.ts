import type { CollectionBeforeOperationHook } from 'payload'

import { publishedLocales, type LocalizedStatus } from '@/lib/publication'

import { storedDocument } from './storedDocument'
import type { SaveArguments as SaveArgs } from './saveArguments'


/**
 * A save publishes only when it says so. Payload would otherwise publish, or write to the
 * document readers get, in two cases:
 * - a save with `draft: true` whose data says `_status: 'published'`: the admin's "copy to
 *   locale" sends the source locale's whole document, status included, so copying from a
 *   published Chinese text would publish the French one. It stays a draft.
 * - a save without `draft` into a locale that is not published, of a document published in
 *   another: its text (and the fields every locale shares) would be written into the document
 *   readers get, where a published locale's fallbacks could show it. It becomes a draft save.
 *   (Taking a published locale back to `draft` is an unpublish, and is left as it is; a document
 *   published nowhere is validated and saved as before.)
 */
export const draftSavesStayDrafts: CollectionBeforeOperationHook = async ({ args: hookArgs, collection, operation, req }) => {
  const args = hookArgs as SaveArgs
  if (operation !== 'update' || args.publishAllLocales || args.unpublishAllLocales || args.publishSpecificLocale) {
    return hookArgs
  }
  const data = args.data ?? {}
  if (args.draft) {
    return data._status === 'published' ? { ...hookArgs, data: { ...data, _status: 'draft' } } : hookArgs
  }
  if (data._status === 'published' || args.id === undefined || args.id === null || !req.locale || req.locale === 'all') {
    return hookArgs
  }
  const stored = await storedDocument(req, collection.slug, args.id, { draft: false, locale: 'all' })
  const published = publishedLocales(stored?._status as LocalizedStatus)
  if (published.length === 0 || (published as string[]).includes(req.locale ?? '')) return hookArgs
  return { ...hookArgs, draft: true, data: { ...data, _status: 'draft' } }
}
