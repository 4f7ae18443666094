import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { isTranslator, translatorLocales } from '@/access/translators'
import { fieldTranslatorMayNotChange, translatorRefusal } from '@/access/translatorMayChange'
import type { Locale } from '@/lib/locales'

import { storedDocument } from './storedDocument'
import type { SaveArguments as SaveArgs } from './saveArguments'


const refuse = (path: string, message: string): never => {
  throw new APIError(`${path}: ${message}`, 403, { errors: [{ path, message }] }, true)
}

/**
 * A translator's save changes only the localized fields of one of their locales, and is always a
 * draft: it runs before Payload strips read-only fields, so a forbidden change is refused (403,
 * naming the field) instead of silently dropped. Saves that bypass access (scripts, seed) are
 * not a translator's.
 */
export const guardTranslatorChanges: CollectionBeforeOperationHook = async ({ args: hookArgs, collection, operation, req }) => {
  const args = hookArgs as SaveArgs
  if ((operation !== 'update' && operation !== 'restoreVersion') || args.overrideAccess || !isTranslator(req.user)) {
    return hookArgs
  }
  if (operation === 'restoreVersion') refuse('_status', 'translators cannot restore versions: every locale would change.')
  if (args.publishAllLocales || args.unpublishAllLocales || args.publishSpecificLocale) {
    refuse('_status', translatorRefusal('_status'))
  }
  if (args.id === undefined || args.id === null) refuse('id', 'translators update one document at a time.')
  if (!translatorLocales(req.user).includes(req.locale as Locale)) {
    refuse('locale', `translators edit only their locales (${translatorLocales(req.user).join(', ') || 'none'}).`)
  }
  const stored = await storedDocument(req, collection.slug, args.id as number | string, { draft: true })
  // A missing document is Payload's 404 to give.
  if (!stored) return hookArgs
  const data = args.data ?? {}
  const path = fieldTranslatorMayNotChange(collection.flattenedFields, data, stored)
  if (path) refuse(path, translatorRefusal(path))
  return { ...hookArgs, draft: true }
}
