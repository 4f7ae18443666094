import type { Access } from 'payload'

import { keyReadsDrafts } from './apiKeys'
import { hasRole } from './roles'

/**
 * Readers see published documents only; staff see drafts too, and so does a `read-drafts` API key
 * when it asks for them (`draft=true`, see readersGetPublished). Returning a query (not `false`)
 * lets Payload filter lists instead of refusing them.
 */
export const publishedOrStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'translator')) return true
  if (keyReadsDrafts(req.user) && req.context.keyReadsDrafts === true) return true
  return { _status: { equals: 'published' } }
}
