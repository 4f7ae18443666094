/**
 * Requests whose target is no page anywhere: a path that does not decode to UTF-8 (`/zh/guides/%ff`,
 * `%`, overlong or surrogate sequences), a control character or NUL in it, or a target that is
 * not a path at all (`*`, an absolute URL), or more path segments than any page has. Next failed on
 * them with a 500, or the reader-page front with its 503, or (4,000 segments) answered in a way the
 * client dropped; they get a short localized 400 here, before either runs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { localeOfPrefix, type Locale } from '@/lib/locales'
import { bcp47 } from '@/site/format'
import { negotiateLocale } from '@/site/negotiate'
import { notFoundText } from '@/site/notFoundText'

const maxSegments = 32

/** Why the request's target is unusable, or undefined when it is a path that decodes. */
export const malformedTarget = (url: string | undefined): string | undefined => {
  if (!url?.startsWith('/')) return 'the request target is not a path'
  const [pathname = ''] = url.split('?', 1)
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return 'the path is not valid percent-encoded UTF-8'
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return 'the path contains a control character'
  // The deepest page is /{locale}/{list}/page/{n}: 32 leaves room for any future route.
  if (pathname.split('/').length > maxSegments + 1) return `the path has more than ${maxSegments} segments`
  return undefined
}

/** The locale of the path's first segment, or the reader's from Accept-Language. */
const localeOf = (req: IncomingMessage): Locale => {
  const first = req.url?.split('/')[1]
  return localeOfPrefix(first) ?? negotiateLocale(typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'] : null)
}

/** 400, with the locale's "no such page" text (the reader followed a broken link), never stored. */
export const sendMalformed = (req: IncomingMessage, res: ServerResponse): void => {
  const locale = localeOf(req)
  const text = notFoundText(locale)
  const body = Buffer.from(
    `<!doctype html><html lang="${bcp47(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta name="robots" content="noindex"><title>${text.title}</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">` +
      `<main><h1>${text.title}</h1><p>${text.body}</p><p><a href="/${locale}">${text.home}</a></p></main></body></html>`,
  )
  res.writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' })
  res.end(req.method === 'HEAD' ? undefined : body)
}
