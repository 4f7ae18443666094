import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole, roles } from '@/access/roles'
import { errorResponse } from '@/api/problems'
import { isLocale, localeCodes } from '@/lib/locales'
import { isTranslatedCollection, translatedCollections } from '@/translation/documents'
import { parseFilters, parsePage, translationDetail, translationReport } from '@/translation/report'

const noStore = { 'cache-control': 'no-store' }

const error = (status: number, message: string) => errorResponse(status, message, { headers: noStore })

/** Staff only: 401 without a login, 403 for an account without a role. */
const refuseNonStaff = (req: PayloadRequest): Response | null => {
  if (!req.user) return error(401, 'Log in as staff to read translation statuses.')
  if (!hasRole(req.user, ...roles)) return error(403, 'Only staff read translation statuses.')
  return null
}

/** `GET /api/translations/status?collection=&locale=&status=&assignee=&page=&limit=`: the dashboard's data, one page at a time. */
export const translationStatusEndpoint: Endpoint = {
  path: '/translations/status',
  method: 'get',
  handler: async (req) => {
    const refused = refuseNonStaff(req)
    if (refused) return refused
    const query = req.query as Record<string, unknown>
    const filters = parseFilters(query)
    if ('error' in filters) return error(400, filters.error)
    const page = parsePage(query)
    if ('error' in page) return error(400, page.error)
    return Response.json({ filters, ...(await translationReport(req.payload, filters, page)) }, { headers: noStore })
  },
}

/** `GET /api/translations/:collection/:id/:locale`: one translation's status and, when outdated, the source diff. */
export const translationDetailEndpoint: Endpoint = {
  path: '/translations/:collection/:id/:locale',
  method: 'get',
  handler: async (req) => {
    const refused = refuseNonStaff(req)
    if (refused) return refused
    const { collection, id, locale } = (req.routeParams ?? {}) as Record<string, string>
    if (!isTranslatedCollection(collection)) return error(400, `collection: must be one of ${translatedCollections.join(', ')}.`)
    if (!/^\d+$/.test(String(id))) return error(400, 'id: must be a document id.')
    if (!isLocale(locale)) return error(400, `locale: must be one of ${localeCodes.join(', ')}.`)
    const detail = await translationDetail(req.payload, collection, id, locale, req.user)
    return detail ? Response.json(detail, { headers: noStore }) : error(404, `No ${collection} document ${id}.`)
  },
}
