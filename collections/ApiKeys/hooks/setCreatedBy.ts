import type { CollectionBeforeChangeHook } from 'payload'

/** The admin who made the key, whatever the request body says. */
export const setCreatedBy: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => ({
  ...data,
  createdBy: operation === 'create' ? (req.user?.collection === 'users' ? req.user.id : null) : originalDoc?.createdBy,
})
