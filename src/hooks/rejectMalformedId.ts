import { NotFound, type CollectionBeforeOperationHook } from 'payload'

import { isStoredId } from '@/api/whereValues'

/**
 * Ids are integers in PostgreSQL: `/api/articles/abc` (or a number beyond `integer`) would reach
 * the database and fail as a 500. No document has such an id, so it is a 404.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !isStoredId(id)) throw new NotFound(req.t)
  return args
}
