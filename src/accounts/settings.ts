import { wholeNumber } from '@/lib/wholeNumber'
import { configuredSiteUrl } from '@/site/paths'

/**
 * Staff accounts' protections, from the environment (documented in .env.example and
 * docs/security.md). Read when first needed, so a test process can set its own first.
 */
export type AccountSettings = {
  /** Login attempts one client address may make per window, whatever the account; 0 turns it off. */
  loginRateLimit: number
  loginRateLimitWindowSeconds: number
  /** Failed logins to one account from one client before that pair is locked out. */
  lockoutAfter: number
  /** The first lockout; each further failure doubles it, up to `lockoutMaxSeconds`. */
  lockoutSeconds: number
  lockoutMaxSeconds: number
}

export const readAccountSettings = (): AccountSettings => ({
  loginRateLimit: wholeNumber('LOGIN_RATE_LIMIT', 30),
  loginRateLimitWindowSeconds: Math.max(1, wholeNumber('LOGIN_RATE_LIMIT_WINDOW', 600)),
  lockoutAfter: Math.max(1, wholeNumber('LOGIN_LOCKOUT_AFTER', 5)),
  lockoutSeconds: Math.max(1, wholeNumber('LOGIN_LOCKOUT_SECONDS', 60)),
  lockoutMaxSeconds: Math.max(1, wholeNumber('LOGIN_LOCKOUT_MAX_SECONDS', 3600)),
})

/** An https public address (SITE_URL): cookies are `Secure` and responses carry HSTS. */
export const siteIsHttps = (siteUrl = configuredSiteUrl() ?? ''): boolean => siteUrl.toLowerCase().startsWith('https://')
