import type { Endpoint } from 'payload'

import { problemResponse } from '@/api/problems'
import { parseQuery } from '@/api/strictQuery'
import { isLocale, sourceLocale } from '@/lib/locales'

import { searchParams } from './input'
import { runsAsHtml, type Highlighted } from './marks'
import { search } from './query'

/**
 * `GET /api/search?q=&locale=&page=&limit=`: readers' search, for developers, with the API's
 * paging without a total (a page past the last is empty, `limit` from 1 to 100, `hasNextPage`
 * says whether there is a next one) and the API's rules around it
 * (rate limit, strict parameters: src/api/apiRoute.ts). Everyone gets what readers may read, and
 * nothing else: the index holds nothing else, staff's credentials change nothing here.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const query = parseQuery(new URL(req.url ?? '', 'http://localhost').search)
    const { params, problems } = searchParams(query, isLocale(req.locale) ? req.locale : sourceLocale)
    if (!params) return problemResponse(400, problems)
    const result = await search(req.payload, params)
    const plain = (runs: Highlighted) => runs.map((run) => run.text).join('')
    return Response.json({
      docs: result.hits.map((hit) => ({
        collection: hit.collection,
        id: hit.id,
        locale: hit.locale,
        slug: hit.slug,
        url: hit.path,
        date: hit.date,
        title: plain(hit.title),
        titleHtml: runsAsHtml(hit.title),
        snippet: plain(hit.snippet),
        snippetHtml: runsAsHtml(hit.snippet),
      })),
      // No totalDocs nor totalPages: matches are not counted (src/search/query.ts), a page says whether a next one holds results.
      limit: result.limit,
      page: result.page,
      pagingCounter: (result.page - 1) * result.limit + 1,
      hasPrevPage: result.page > 1,
      hasNextPage: result.hasNextPage,
      prevPage: result.page > 1 ? result.page - 1 : null,
      nextPage: result.hasNextPage ? result.page + 1 : null,
      bestOnly: result.bestOnly,
      q: params.q,
      locale: params.locale,
      suggestion: result.suggestion,
    })
  },
}
