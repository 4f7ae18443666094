import { revalidateTag } from 'next/cache'

import { isSameSecret } from '@/lib/secrets'
import { revalidationSecret } from '@/site/revalidation'
import { isSiteTag } from '@/site/tags'

/**
 * Expires site cache tags for Lagon's own processes (see expireTagsThroughServer): the jobs queue
 * publishing on schedule, scripts. Not for browsers: it needs the revalidation secret.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = request.headers.get('authorization')?.replace(/^Bearer /, '')
  if (!isSameSecret(secret, revalidationSecret())) {
    return Response.json({ error: 'authorization: wrong or missing revalidation secret' }, { status: 401 })
  }
  const body = (await request.json().catch(() => null)) as { tags?: unknown } | null
  const tags = body?.tags
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > 50 || !tags.every(isSiteTag)) {
    return Response.json({ error: 'tags: a list of 1 to 50 site cache tags, such as "articles:12" or "articles:lists:fr"' }, { status: 400 })
  }
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  return new Response(null, { status: 204 })
}
