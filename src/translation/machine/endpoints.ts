import type { Endpoint } from 'payload'

import { isLocale, sourceLocale } from '@/lib/locales'
import { assertMayTranslate, assertStaff, isTranslatedCollection, readTranslationPair, refusals, TranslationRequestError } from '@/translation/documents'
import { errorResponse, inTransaction } from '@/translation/respond'

import { configuredProvider, providerFor } from './configured'
import { machineTranslate } from './machineTranslate'

export const notConfiguredMessage =
  'Machine translation is not configured: set DEEPL_API_KEY on the server (see docs/translation-machine.md).'

/**
 * `POST /api/{collection}/{id}/machine-translate?locale=fr`: machine-translates the document into
 * `locale` as a needs-review draft (into a locale declared as a conversion of the document's
 * source, zh-Hant of zh, it converts: no key needed). Staff only; a translator only into their own locales.
 */
export const machineTranslateEndpoint: Endpoint = {
  path: '/:id/machine-translate',
  method: 'post',
  handler: async (req) => {
    try {
      const locale = req.searchParams.get('locale') ?? ''
      assertMayTranslate(req, locale)
      // Refused before anything is read when no provider could serve the locale.
      if (!configuredProvider() && !(isLocale(locale) && providerFor(sourceLocale, locale))) {
        throw new TranslationRequestError(notConfiguredMessage, 503)
      }
      const collection = req.routeParams?.collection
      if (!isTranslatedCollection(collection)) throw new TranslationRequestError(`collection: ${refusals(req).notTranslated(String(collection))}`, 404)
      const id = String(req.routeParams?.id ?? '')
      return await inTransaction(req, async () => {
        const pair = await readTranslationPair(req, collection, id, locale)
        const provider = providerFor(pair.sourceLocale, pair.targetLocale)
        if (!provider) throw new TranslationRequestError(notConfiguredMessage, 503)
        return { collection, id: pair.id, locale, status: 'needs-review', provider: provider.name, ...(await machineTranslate(req, pair, provider)) }
      })
    } catch (error) {
      return errorResponse(error)
    }
  },
}

/**
 * `GET /api/machine-translation[?locale=zh-Hant&source=zh]`: whether machine translation is set up
 * (for the admin's button); with a locale, whether it is for that locale (conversion always is).
 */
export const machineTranslationStatusEndpoint: Endpoint = {
  path: '/machine-translation',
  method: 'get',
  handler: async (req) => {
    try {
      assertStaff(req)
    } catch (error) {
      return errorResponse(error)
    }
    const locale = req.searchParams.get('locale')
    const source = req.searchParams.get('source')
    const provider =
      isLocale(locale) ? providerFor(isLocale(source) ? source : sourceLocale, locale) : configuredProvider()
    return Response.json(
      { configured: Boolean(provider), provider: provider?.name ?? null, ...(provider ? {} : { message: notConfiguredMessage }) },
      { headers: { 'cache-control': 'no-store' } },
    )
  },
}
