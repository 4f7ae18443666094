import type { CollectionBeforeOperationHook } from 'payload'

import { hasRole, roles } from '@/access/roles'

/**
 * `?draft=true` asks for the newest version; access control then hides it from readers, which
 * empties lists whose documents have unpublished edits. Readers get the published version instead.
 * Server code that reads with `overrideAccess` (translation, the importer, previews) gets what it
 * asks for.
 */
export const readersGetPublished: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'read' && args.overrideAccess !== true && !hasRole(req.user, ...roles)) {
    return { ...args, draft: false }
  }
  return args
}
