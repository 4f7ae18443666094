import type { CollectionBeforeOperationHook } from 'payload'

import { isStoredId } from '@/api/whereValues'
import { storedDocument } from '@/hooks/storedDocument'
import { isLocale, localeCodes, type Locale } from '@/lib/locales'

import { sharedPart } from '../parts'
import { partLocked } from '../partLocked'
import { changedSharedField, keepStoredShared } from '../sharedValues'
import { currentClaims } from '../store'
import type { SaveArguments as SaveArgs } from '@/hooks/saveArguments'


/** The locales a save writes: its own, or every one (`locale=all`, publishing all locales). */
const savedLocales = (locale: unknown, args: SaveArgs): Locale[] =>
  args.publishAllLocales || args.unpublishAllLocales || !isLocale(locale) ? localeCodes : [locale]

/**
 * A person's save of one document respects the parts others hold in the admin (`edit_locks`):
 * - a locale someone else holds: 423 naming it;
 * - shared fields, when the saver does not hold the shared part: a save from an edit view (the
 *   saver holds the locale's part) keeps the stored shared values, since its form shows them
 *   read-only and may hold them from before the holder's last save; any other save that would
 *   change a shared value while someone else holds the part gets 423 naming `shared`.
 * Runs after `serializeSaves` (the document's row is locked: the stored values read here are the
 * ones the save merges into) and before `guardTranslatorChanges`. Scripts (no user, or
 * overrideAccess) and bulk updates hold no part and are not held back.
 */
export const respectEditLocks: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const save = args as SaveArgs
  // API keys never write: their refusal is checkApiKey's to give.
  if (operation !== 'update' || save.overrideAccess || req.user?.collection !== 'users' || !isStoredId(save.id)) return args
  const id = Number(save.id)
  const claims = await currentClaims(req, collection.slug, id, Number(req.user.id))
  if (claims.length === 0) return args
  const locales = savedLocales(req.locale, save)
  const heldLocale = claims.find((claim) => !claim.mine && (locales as string[]).includes(claim.part))
  if (heldLocale) partLocked(req, heldLocale)

  if (!save.data || claims.some((claim) => claim.mine && claim.part === sharedPart)) return args
  const fromEditView = claims.some((claim) => claim.mine && claim.part === req.locale)
  const sharedHolder = claims.find((claim) => !claim.mine && claim.part === sharedPart)
  if (!fromEditView && !sharedHolder) return args
  const stored = await storedDocument(req, collection.slug, id, { draft: true })
  // A missing document is Payload's 404 to give.
  if (!stored) return args
  if (fromEditView) return { ...args, data: keepStoredShared(collection.flattenedFields, save.data, stored) }
  if (sharedHolder && changedSharedField(collection.flattenedFields, save.data, stored)) partLocked(req, sharedHolder)
  return args
}
