export const roles = ['admin', 'editor', 'translator'] as const

export type Role = (typeof roles)[number]

type MaybeUser = { role?: Role | null } | null | undefined

export const hasRole = (user: MaybeUser, ...allowed: Role[]): boolean =>
  Boolean(user?.role && allowed.includes(user.role))

/** Anyone without a staff role: anonymous visitors, and the reader site. */
export const isReader = (user: MaybeUser): boolean => !hasRole(user, ...roles)
