import type { CollectionBeforeOperationHook } from 'payload'

import { keyReadsDrafts } from '@/access/apiKeys'
import { isReader } from '@/access/roles'

/**
 * `?draft=true` asks for the newest version; access control then hides it from readers, which
 * empties lists whose documents have unpublished edits. Readers get the published version instead.
 * Server code that reads with `overrideAccess` (the Local API's default: translation, the importer,
 * previews) is not a reader's and gets what it asks for.
 * A `read-drafts` API key asking for drafts gets them: `publishedOrStaff` reads the flag set here,
 * since access functions do not see the operation's `draft` argument.
 */
export const readersGetPublished: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || (args as { overrideAccess?: boolean }).overrideAccess || !isReader(req.user)) return args
  if (keyReadsDrafts(req.user) && (args as { draft?: boolean }).draft) {
    req.context.keyReadsDrafts = true
    return args
  }
  return { ...args, draft: false }
}
