import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Readers see published documents only; staff see drafts too. Returning a query (not `false`)
 * lets Payload filter lists instead of refusing them.
 */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor', 'translator')) return true
  return { _status: { equals: 'published' } }
}
