import type { CollectionBeforeOperationHook } from 'payload'

import { isReader } from '@/access/roles'

/**
 * `?draft=true` asks for the newest version; access control then hides it from readers, which
 * empties lists whose documents have unpublished edits. Readers get the published version instead.
 * A read that bypasses access (the Local API's default: scripts, the importer) is not a reader's.
 */
export const readersGetPublished: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'read' && !(args as { overrideAccess?: boolean }).overrideAccess && isReader(req.user)) {
    return { ...args, draft: false }
  }
  return args
}
