import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins manage every account; a person only their own. An API key reads no account. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'users') return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}
