import type { FieldAccess } from 'payload'

/** Staff and integrations' keys: bookkeeping a client that edits or syncs needs, and readers do not. */
export const signedIn: FieldAccess = ({ req: { user } }) => Boolean(user)
