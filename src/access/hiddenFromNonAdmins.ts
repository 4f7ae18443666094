import { hasRole } from './roles'

/** Hides a collection from the admin's navigation for anyone but admins (access still decides what they may do). */
export const hiddenFromNonAdmins = ({ user }: { user: unknown }): boolean =>
  !hasRole(user as Parameters<typeof hasRole>[0], 'admin')
