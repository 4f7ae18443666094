import { forgetPublicReads } from '@/api/publicReadCache'
import { derivedSecret } from '@/lib/secrets'

import { siteUrl } from './paths'

/** The secret of `/next/revalidate`, derived from PAYLOAD_SECRET: only Lagon's own processes know it. */
export const revalidationSecret = (): string => derivedSecret('revalidate')

/**
 * Lagon's server gives its Next.js a private address (src/server/main.ts); `next dev` and other
 * processes reach the site at its public one.
 */
const nextOrigin = (): string => process.env.LAGON_NEXT_ORIGIN || siteUrl()

/**
 * Expires `tags` in the Next server that renders the site, for a change made outside a request
 * it is serving: a publication run by the jobs queue (scheduled publishing), a script. Next applies
 * `revalidateTag` only within the request that calls it. The public reads are forgotten again once
 * Next has applied the expiry, so that no page rendered before it is kept. Without a server (a
 * seed with nothing running) there is nothing to expire.
 */
export const expireTagsThroughServer = async (tags: string[]): Promise<void> => {
  try {
    const response = await fetch(`${nextOrigin()}/next/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${revalidationSecret()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) console.warn(`lagon: the site refused to expire ${tags.join(', ')}: ${response.status} ${await response.text()}`)
    else forgetPublicReads()
  } catch {
    // No server is running.
  }
}
