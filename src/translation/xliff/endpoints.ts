import type { Endpoint } from 'payload'

import { assertStaff, refusals, TranslationRequestError } from '@/translation/documents'
import { errorResponse, inTransaction } from '@/translation/respond'

import { exportXliff } from './exportXliff'
import { importXliff } from './importXliff'

const maxImportMegabytes = 20

/**
 * `GET /api/xliff/export?locale=fr[&collection=articles][&ids=1,2][&status=missing][&sourceLocale=zh]`:
 * XLIFF 2.0 of the matching documents for translation into `locale`.
 */
export const xliffExportEndpoint: Endpoint = {
  path: '/xliff/export',
  method: 'get',
  handler: async (req) => {
    try {
      assertStaff(req)
      const params = req.searchParams
      const ids = params.get('ids')
      const { xml, files } = await exportXliff(req, {
        locale: params.get('locale') ?? '',
        collection: params.get('collection') ?? undefined,
        ids: ids ? ids.split(',').map((id) => id.trim()).filter(Boolean) : undefined,
        sourceLocale: params.get('sourceLocale') ?? undefined,
        status: params.get('status') ?? undefined,
      })
      const name = `lagon-${params.get('collection') ?? 'all'}-${params.get('locale')}.xlf`
      return new Response(xml, {
        headers: {
          'content-type': 'application/xliff+xml; charset=utf-8',
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'no-store',
          'x-xliff-files': String(files),
        },
      })
    } catch (error) {
      return errorResponse(error)
    }
  },
}

/** `POST /api/xliff/import` with the XLIFF document as the body: all files applied, or none. */
export const xliffImportEndpoint: Endpoint = {
  path: '/xliff/import',
  method: 'post',
  handler: async (req) => {
    try {
      assertStaff(req)
      const xml = req.text ? await req.text() : ''
      if (!xml.trim()) throw new TranslationRequestError(`xliff: ${refusals(req).emptyBody}`)
      if (Buffer.byteLength(xml) > maxImportMegabytes * 1024 * 1024) {
        throw new TranslationRequestError(`xliff: ${refusals(req).tooLarge(maxImportMegabytes)}`, 413)
      }
      return await inTransaction(req, async () => ({ files: await importXliff(req, xml) }))
    } catch (error) {
      return errorResponse(error)
    }
  },
}
