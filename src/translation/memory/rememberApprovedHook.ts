import type { CollectionAfterChangeHook } from 'payload'

import { isLocale } from '@/lib/locales'
import { isTranslatedCollection, readTranslationPair } from '@/translation/documents'

import { rememberApproved } from './memory'

/**
 * Fills the translation memory when a translation is approved: its status becomes `done`, or a
 * `done` translation is published. Runs in the save's transaction.
 */
export const rememberApprovedTranslation: CollectionAfterChangeHook = async ({ doc, previousDoc, req, collection }) => {
  const locale = req.locale
  if (!isLocale(locale) || !isTranslatedCollection(collection.slug)) return doc
  const status = (doc as { translation?: { status?: string } }).translation?.status
  if (status !== 'done') return doc
  const wasDone = (previousDoc as { translation?: { status?: string } } | undefined)?.translation?.status === 'done'
  if (wasDone && (doc as { _status?: string })._status !== 'published') return doc
  const pair = await readTranslationPair(req, collection.slug, doc.id, locale).catch(() => null)
  if (!pair) return doc
  await rememberApproved(req, {
    sourceLocale: pair.sourceLocale,
    targetLocale: pair.targetLocale,
    source: pair.source,
    target: pair.target,
    origin: `${collection.slug}/${doc.id}`,
  })
  return doc
}
