import { NextResponse, type NextRequest } from 'next/server'

import { isLocale, localeOfPrefix, urlPrefix } from '@/lib/locales'
import { chosenLocale, localeCookie, negotiateLocale } from '@/site/negotiate'

const oneYear = 60 * 60 * 24 * 365

/**
 * `/` sends readers to their language: the one they chose before (cookie), else the best match
 * of Accept-Language. A language-switcher link (`?choose=fr`) records the choice, then drops
 * the parameter. Every other request never reaches this code (see `matcher`).
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl
  const choose = url.searchParams.get('choose')
  if (url.pathname === '/') {
    const locale = chosenLocale(request.cookies.get(localeCookie)?.value) ?? negotiateLocale(request.headers.get('accept-language'))
    const response = NextResponse.redirect(new URL(`/${urlPrefix(locale)}`, url), 307)
    response.headers.set('vary', 'accept-language, cookie')
    response.headers.set('cache-control', 'private, no-store')
    return response
  }
  if (isLocale(choose) && localeOfPrefix(url.pathname.split('/')[1])) {
    const clean = new URL(url)
    clean.searchParams.delete('choose')
    const response = NextResponse.redirect(clean, 307)
    response.cookies.set(localeCookie, choose, { maxAge: oneYear, path: '/', sameSite: 'lax' })
    return response
  }
  return NextResponse.next()
}

export const config = {
  // Next reads the matcher at build time and takes literals only: any first segment here, the
  // locale prefixes (src/lib/localeDeclarations.ts) checked above.
  matcher: [{ source: '/' }, { source: '/:prefix/:path*', has: [{ type: 'query', key: 'choose' }] }],
}
