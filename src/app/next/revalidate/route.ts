import { revalidateTag } from 'next/cache'

import { errorResponse } from '@/api/problems'
import { maxTagsPerRequest, revalidationSecret } from '@/freshness/nextCache'
import { expireTagsHere } from '@/freshness/taggedStore'
import { isSameSecret } from '@/lib/secrets'
import { isSiteTag } from '@/site/tags'

const refusal = (status: number, path: string, message: string) => errorResponse(status, message, { problems: [{ path, message }] })

/**
 * Expires site cache tags in this instance for Lagon's own processes (src/freshness/nextCache.ts):
 * a change committed here or heard from another instance, the jobs queue publishing on
 * schedule, scripts. Next's data cache, and what this process keeps itself (reader pages, API
 * reads). Not for browsers: it needs the revalidation secret.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = request.headers.get('authorization')?.replace(/^Bearer /, '')
  if (!isSameSecret(secret, revalidationSecret())) {
    return refusal(401, 'authorization', 'authorization: wrong or missing revalidation secret')
  }
  const body = (await request.json().catch(() => null)) as { tags?: unknown } | null
  const tags = body?.tags
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > maxTagsPerRequest || !tags.every(isSiteTag)) {
    return refusal(400, 'tags', `tags: a list of 1 to ${maxTagsPerRequest} site cache tags, such as "articles:12" or "articles:lists:fr"`)
  }
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  expireTagsHere(tags)
  return new Response(null, { status: 204 })
}
