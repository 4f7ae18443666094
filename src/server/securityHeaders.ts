import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { forwardedFor, type TrustedProxies } from '@/api/clientAddress'
import { prefixShape } from '@/lib/locales'

/**
 * The kinds of response Lagon's server gives, each with the Content-Security-Policy it can live
 * with (docs/security.md says why each source is there):
 * - `site`: a reader page, as readers get it (readerPages.ts): HTML and CSS, no script at all;
 * - `siteFromNext`: a reader page with a query string (the search page), which the front passes to
 *   Next as it is, Next's client runtime included: its scripts run by nonce, nothing else;
 * - `preview`: a site page in draft mode, with Next's client runtime (the live preview refreshes
 *   on save), framed by the admin: the only response another page of ours may frame;
 * - `admin`: Payload's admin, a React app that Next renders for each request;
 * - `apiDocs`: the HTML API reference (/api/docs), one inline stylesheet;
 * - `resource`: everything else (the API's JSON, media files, scripts, styles, images, XML).
 */
export type ResponseKind = 'site' | 'siteFromNext' | 'preview' | 'admin' | 'apiDocs' | 'resource'

/** Next sets this cookie for draft mode (the preview route turns it on for signed-in staff). */
const draftModeCookie = '__prerender_bypass'

/** A reader page's path: a locale-shaped first segment (src/lib/locales.ts). */
const sitePagePath = new RegExp(`^/${prefixShape}(?:/|$)`)

export const responseKind = (url: string, cookie: string | undefined): ResponseKind => {
  const path = url.split('?')[0] ?? '/'
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin'
  if (path === '/api/docs') return 'apiDocs'
  const sitePage = path === '/' || sitePagePath.test(path)
  if (path === '/next/preview' || (sitePage && cookie?.includes(draftModeCookie))) return 'preview'
  if (sitePage && url.includes('?')) return 'siteFromNext'
  return sitePage ? 'site' : 'resource'
}

/** A CSP hash of an inline style attribute's value. */
const styleHash = (style: string) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`

/**
 * Inline style attributes of reader pages: `next/image`'s `getImageProps` writes
 * `style="color:transparent"` on every image (its alt text stays unseen while the image loads).
 */
const siteStyleAttributes = ['color:transparent']

/** Where @monaco-editor/react loads Monaco from unless told otherwise (its loader's default). */
const monacoCdn = 'https://cdn.jsdelivr.net'

const policy = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')

const nothingElse = { 'base-uri': ["'none'"], 'object-src': ["'none'"] }

/** A reader page's policy: nothing but its own images and styles, and what `scripts` allows. */
const readerPagePolicy = (scripts: Record<string, string[]>, upgrade: Record<string, string[]>): string =>
  policy({
    'default-src': ["'none'"],
    ...scripts,
    'img-src': ["'self'"],
    'style-src': ["'self'"],
    'style-src-attr': ["'unsafe-hashes'", ...siteStyleAttributes.map(styleHash)],
    'manifest-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...nothingElse,
    ...upgrade,
  })

export const contentSecurityPolicy = (kind: ResponseKind, { nonce, https }: { nonce?: string; https: boolean }): string => {
  const upgrade: Record<string, string[]> = https ? { 'upgrade-insecure-requests': [] } : {}
  switch (kind) {
    case 'site':
      return readerPagePolicy({}, upgrade)
    case 'siteFromNext':
      // Next gives the nonce to every script it writes; its router fetches pages from the site.
      return readerPagePolicy({ 'script-src': [`'nonce-${nonce}'`, "'strict-dynamic'"], 'connect-src': ["'self'"] }, upgrade)
    case 'preview':
      return policy({
        'default-src': ["'self'"],
        // Next gives the nonce to every script it writes; what they load is trusted through them.
        'script-src': [`'nonce-${nonce}'`, "'strict-dynamic'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        ...nothingElse,
        ...upgrade,
      })
    case 'admin':
      return policy({
        'default-src': ["'self'"],
        'script-src': [`'nonce-${nonce}'`, "'strict-dynamic'"],
        // React sets style attributes and some components inject <style> elements. Payload's JSON
        // and code fields load their editor (Monaco) from jsDelivr: its script through
        // 'strict-dynamic', its stylesheet and font from there.
        'style-src': ["'self'", "'unsafe-inline'", monacoCdn],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:', monacoCdn],
        'worker-src': ["'self'", 'blob:'],
        // The live preview's frame: our own site.
        'frame-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
        ...upgrade,
      })
    case 'apiDocs':
      return policy({ 'default-src': ["'none'"], 'style-src': ["'unsafe-inline'"], 'frame-ancestors': ["'none'"], ...nothingElse })
    case 'resource':
      return policy({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"], ...nothingElse })
  }
}

/** Browser features no page of Lagon's uses, refused to whatever a page might embed. */
const permissionsPolicy = ['accelerometer', 'camera', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'payment', 'usb']
  .map((feature) => `${feature}=()`)
  .join(', ')

const headersOf = (kind: ResponseKind, { nonce, https }: { nonce?: string; https: boolean }): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy(kind, { nonce, https }),
  'X-Content-Type-Options': 'nosniff',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': kind === 'preview' ? 'SAMEORIGIN' : 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': permissionsPolicy,
  ...(https && { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }),
})

/**
 * Every response of Lagon's server gets its kind's headers here, before anyone answers: from
 * the reader pages' cache, from Next (pages, the API, the admin, files), or from the server itself
 * (503 pages). Also where the request is made safe to pass on: X-Forwarded-For as only trusted
 * proxies may write it (clientAddress.ts), and for the admin and previews a fresh nonce in the
 * request's Content-Security-Policy header, which is where Next looks for the nonce to give its
 * scripts.
 */
export const secureRequest = (req: IncomingMessage, res: ServerResponse, { https, trustedProxies }: { https: boolean; trustedProxies: TrustedProxies }): void => {
  req.headers['x-forwarded-for'] = forwardedFor(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies)
  delete req.headers['content-security-policy']
  delete req.headers['content-security-policy-report-only']
  const kind = responseKind(req.url ?? '/', req.headers.cookie)
  const nonce = kind === 'admin' || kind === 'preview' || kind === 'siteFromNext' ? randomBytes(18).toString('base64') : undefined
  const headers = securityHeaders(kind, { nonce, https })
  if (nonce) req.headers['content-security-policy'] = headers['Content-Security-Policy']
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
}

/** Headers without a nonce are the same for every request of a kind: made once (the site's policy hashes its styles). */
const withoutNonce = new Map<string, Readonly<Record<string, string>>>()

export const securityHeaders = (kind: ResponseKind, { nonce, https }: { nonce?: string; https: boolean }): Readonly<Record<string, string>> => {
  if (nonce) return headersOf(kind, { nonce, https })
  const key = `${kind}:${https}`
  let headers = withoutNonce.get(key)
  if (!headers) withoutNonce.set(key, (headers = Object.freeze(headersOf(kind, { https }))))
  return headers
}
