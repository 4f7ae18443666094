import type { PayloadRequest } from 'payload'

import type { Locale } from '@/lib/locales'

import type { TranslatedCollection } from './documents'

export type { TranslatedCollection }

/**
 * The newest version (draft included) of a document in one locale, without fallback, inside the
 * request's transaction (a save without a user, a script's, reads the published version: see
 * `readersGetPublished`). The Local API sets `req.locale` on the request it is given, so the
 * caller's locale is put back: a hook reading the source must not turn the save into one in zh.
 */
export const readInLocale = async (
  req: PayloadRequest,
  collection: TranslatedCollection,
  id: number | string,
  locale: Locale,
): Promise<Record<string, unknown> | null> => {
  const { locale: callerLocale, fallbackLocale } = req
  try {
    const doc = await req.payload.findByID({
      collection,
      id,
      locale,
      fallbackLocale: false,
      draft: true,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })
    return doc as unknown as Record<string, unknown> | null
  } finally {
    req.locale = callerLocale
    req.fallbackLocale = fallbackLocale
  }
}
