import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Payload publishes a save made with `draft: true` when its data says `_status: 'published'`.
 * The admin's "copy to locale" sends the source locale's whole document, status included, as a
 * draft save: copying from a published Chinese text would publish the French one. A draft save
 * stays a draft; publishing is a save without `draft`.
 */
export const draftSavesStayDrafts: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'update' || !args.draft || args.publishAllLocales) return args
  const data = args.data as Record<string, unknown> | undefined
  if (data?._status !== 'published') return args
  return { ...args, data: { ...data, _status: 'draft' } }
}
