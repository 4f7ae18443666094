import type { Endpoint } from 'payload'

import { assertMayTranslate, assertStaff, isTranslatedCollection, readTranslationPair, TranslationRequestError } from '@/translation/documents'
import { errorResponse, inTransaction } from '@/translation/respond'

import { configuredProvider } from './configured'
import { machineTranslate } from './machineTranslate'

export const notConfiguredMessage =
  'Machine translation is not configured: set DEEPL_API_KEY on the server (see docs/translation-machine.md).'

/**
 * `POST /api/{collection}/{id}/machine-translate?locale=fr`: machine-translates the document into
 * `locale` as a needs-review draft. Staff only; a translator only into their own locales.
 */
export const machineTranslateEndpoint: Endpoint = {
  path: '/:id/machine-translate',
  method: 'post',
  handler: async (req) => {
    try {
      const locale = req.searchParams.get('locale') ?? ''
      assertMayTranslate(req, locale)
      const provider = configuredProvider()
      if (!provider) throw new TranslationRequestError(notConfiguredMessage, 503)
      const collection = req.routeParams?.collection
      if (!isTranslatedCollection(collection)) throw new TranslationRequestError(`collection: "${String(collection)}" is not translated.`, 404)
      const id = String(req.routeParams?.id ?? '')
      return await inTransaction(req, async () => {
        const pair = await readTranslationPair(req, collection, id, locale)
        return { collection, id: pair.id, locale, status: 'needs-review', ...(await machineTranslate(req, pair, provider)) }
      })
    } catch (error) {
      return errorResponse(error)
    }
  },
}

/** `GET /api/machine-translation`: whether machine translation is set up (for the admin's button). */
export const machineTranslationStatusEndpoint: Endpoint = {
  path: '/machine-translation',
  method: 'get',
  handler: async (req) => {
    try {
      assertStaff(req)
    } catch (error) {
      return errorResponse(error)
    }
    const provider = configuredProvider()
    return Response.json(
      { configured: Boolean(provider), provider: provider?.name ?? null, ...(provider ? {} : { message: notConfiguredMessage }) },
      { headers: { 'cache-control': 'no-store' } },
    )
  },
}
