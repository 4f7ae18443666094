import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins and editors: the people who create content. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
