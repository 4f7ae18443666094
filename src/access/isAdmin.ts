import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

/** For the jobs queue's REST endpoints (run, queue, cancel), which take only the request. */
export const isAdminRequest = ({ req: { user } }: { req: { user?: unknown } }): boolean =>
  hasRole(user as Parameters<typeof hasRole>[0], 'admin')
