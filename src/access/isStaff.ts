import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Anyone with a role: admins, editors and translators. */
export const isStaff: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'translator')

/** Field-level: workflow bookkeeping (translation state, source snapshots) that readers never get. */
export const isStaffField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'translator')
