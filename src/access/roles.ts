export const roles = ['admin', 'editor', 'translator'] as const

export type Role = (typeof roles)[number]

/** `req.user`: a person of `users`, or an integration's key of `api-keys`. */
type MaybeUser = { collection?: string; role?: Role | null } | null | undefined

/** Roles belong to people: an API key never has one, whatever its fields say. */
export const hasRole = (user: MaybeUser, ...allowed: Role[]): boolean =>
  Boolean(user && user.collection !== 'api-keys' && user.role && allowed.includes(user.role))

/** Anyone without a staff role: anonymous visitors, integrations' keys, and the reader site. */
export const isReader = (user: MaybeUser): boolean => !hasRole(user, ...roles)
