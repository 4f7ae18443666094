export const apiKeyScopes = ['read', 'read-drafts'] as const

export type ApiKeyScope = (typeof apiKeyScopes)[number]

type MaybeKey = { collection?: string; scope?: string | null; revoked?: boolean | null } | null | undefined

export const isApiKey = (user: MaybeKey): boolean => user?.collection === 'api-keys'

/** A key in use, allowed to read drafts of content (previews). */
export const keyReadsDrafts = (user: MaybeKey): boolean =>
  isApiKey(user) && !user?.revoked && user?.scope === 'read-drafts'

/** Whether a request sends an integration's key (`Authorization: api-keys API-Key <key>`), valid or not. */
export const presentsApiKey = (headers: Headers): boolean =>
  headers.get('authorization')?.startsWith('api-keys API-Key ') ?? false

/** What a request with a key that does not exist, or was revoked, is told (401). */
export const refusedKeyMessage = 'The API key is unknown or revoked.'
