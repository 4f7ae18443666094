/**
 * Collections anonymous readers may read (published documents only; see src/access). Their list,
 * by-id and count endpoints are the public reads that CDNs and Lagon's own cache may keep.
 */
export const publicCollections = ['articles', 'carriers', 'tips', 'media'] as const

const publicReadPath = new RegExp(`^/api/(${publicCollections.join('|')})(/\\d+|/count)?$`)

/** Credentials Payload reads: an Authorization header (JWT or API key), or its session cookie. */
export const carriesCredentials = (request: Request, cookiePrefix: string): boolean =>
  request.headers.has('authorization') ||
  (request.headers.get('cookie') ?? '').split(';').some((cookie) => cookie.trim().startsWith(`${cookiePrefix}-token=`))

/**
 * A read whose answer is the same for every anonymous client: a GET of published content, with
 * no credentials (even wrong ones: Payload then answers as to anyone, but the client meant to be
 * someone) and no `draft=true`.
 */
export const isPublicRead = (request: Request, url: URL, cookiePrefix: string): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  publicReadPath.test(url.pathname) &&
  url.searchParams.get('draft') !== 'true' &&
  !carriesCredentials(request, cookiePrefix)

/** Files are served by Payload's own handler, with its own caching headers; Lagon leaves them alone. */
export const isFileDownload = (url: URL): boolean => /^\/api\/[^/]+\/file\//.test(url.pathname)

