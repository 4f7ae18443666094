import type { Access } from 'payload'

import { hasRole } from './roles'

/** Anyone with a role: admins, editors and translators. */
export const isStaff: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'translator')
