import type { Access } from 'payload'

import { keyReadsDrafts } from './apiKeys'
import { isReader } from './roles'

/**
 * Readers see published documents only; staff see drafts too, and so does a `read-drafts` API key
 * when it asks for them (`draft=true`, see readersGetPublished). Returning a query (not `false`)
 * lets Payload filter lists instead of refusing them. `_status` is per locale: the query holds in
 * the locale read, so a locale not published for a document is not found in it, whatever its
 * fallbacks hold. With `locale=all` it holds when any locale is published; `readersSeePublishedLocales`
 * then removes the others' values.
 */
export const publishedOrStaff: Access = ({ req }) => {
  if (!isReader(req.user)) return true
  if (keyReadsDrafts(req.user) && req.context.keyReadsDrafts === true) return true
  return { _status: { equals: 'published' } }
}
