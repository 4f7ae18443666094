import { derivedSecret } from '@/lib/secrets'
import { siteUrl } from '@/site/paths'

/** The secret of `/next/revalidate`, derived from PAYLOAD_SECRET: only Lagon's own processes know it. */
export const revalidationSecret = (): string => derivedSecret('revalidate')

/** The route takes at most this many tags per request. */
export const maxTagsPerRequest = 50

/**
 * Lagon's server gives its Next.js a private address (src/server/main.ts); `next dev` and other
 * processes reach the site at its public one.
 */
const nextOrigin = (): string => process.env.LAGON_NEXT_ORIGIN || siteUrl()

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size))

/**
 * Expires `tags` in the Next server of this instance through `/next/revalidate`. Next applies
 * `revalidateTag` only within the request that calls it, and a write may run outside any (the
 * jobs queue publishing on schedule, a script, a change heard from another instance) or in one
 * that has ended; this request is always Next's own. Without a server (a seed with nothing
 * running) there is nothing to expire.
 */
export const expireInNext = async (tags: string[]): Promise<void> => {
  await Promise.all(
    chunks(tags, maxTagsPerRequest).map(async (some) => {
      try {
        const response = await fetch(`${nextOrigin()}/next/revalidate`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${revalidationSecret()}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ tags: some }),
          signal: AbortSignal.timeout(5_000),
        })
        if (!response.ok) console.warn(`lagon: the site refused to expire ${some.join(', ')}: ${response.status} ${await response.text()}`)
      } catch {
        // No server is running.
      }
    }),
  )
}
