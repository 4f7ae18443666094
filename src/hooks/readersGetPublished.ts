import type { CollectionBeforeOperationHook } from 'payload'

import { hasRole, roles } from '@/access/roles'

/**
 * `?draft=true` asks for the newest version; access control then hides it from readers, which
 * empties lists whose documents have unpublished edits. Readers get the published version instead.
 */
export const readersGetPublished: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'read' && !hasRole(req.user, ...roles)) {
    return { ...args, draft: false }
  }
  return args
}
