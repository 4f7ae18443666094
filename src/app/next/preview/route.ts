import config from '@payload-config'
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { hasRole, roles } from '@/access/roles'
import { errorResponse } from '@/api/problems'
import { prefixPattern } from '@/lib/locales'
import { isPreviewSecret } from '@/site/preview'

const refusal = (status: number, path: string, message: string) => errorResponse(status, message, { problems: [{ path, message }] })

/**
 * Draft mode for editors: needs both the preview secret (from the admin's preview links) and a
 * signed-in staff account. Then the site renders the newest drafts, for this browser only.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const path = url.searchParams.get('path') ?? ''
  if (!isPreviewSecret(url.searchParams.get('secret'))) {
    return refusal(401, 'secret', 'secret: wrong or missing preview secret')
  }
  if (!new RegExp(`^/(${prefixPattern()})(/[^\\s]*)?$`).test(path) || path.startsWith('//')) {
    return refusal(400, 'path', 'path: must be a site path such as /fr/guides/slug')
  }
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!hasRole(user as { role?: (typeof roles)[number] } | null, ...roles)) {
    return errorResponse(403, 'Sign in to the admin to preview drafts.')
  }
  ;(await draftMode()).enable()
  redirect(path)
}
