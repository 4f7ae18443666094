import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import { isReaderPageRequest } from '@/server/readerPages'
import { responseKind } from '@/server/securityHeaders'

const get = (url: string) => ({ method: 'GET', url, headers: {} }) as unknown as IncomingMessage

/**
 * Which requests the front takes for readers' pages (kept, and sent to Next without the reader's
 * cookies or Authorization): locale-shaped prefixes, declared or not, and never Lagon's own routes.
 */
describe('reader paths', () => {
  it('takes locale-shaped prefixes, declared or not, for pages', () => {
    for (const url of ['/zh', '/en/guides/x', '/fr/tips', '/de/anything', '/zh-hant/guides/x', '/ja']) expect({ url, page: isReaderPageRequest(get(url)) }).toEqual({ url, page: true })
  })

  it('never takes the API (or other routes) for a page, with or without a query string', () => {
    for (const url of ['/api/users/me', '/api/machine-translation', '/api', '/api/articles/1', '/admin', '/next/revalidate', '/feeds/guides-zh.atom', '/sitemap.xml', '/en?x=1'])
      expect({ url, page: isReaderPageRequest(get(url)) }).toEqual({ url, page: false })
    expect(responseKind('/api/users/me', undefined)).toBe('resource')
    expect(responseKind('/api', undefined)).toBe('resource')
    expect(responseKind('/fr/guides/x', undefined)).toBe('site')
    expect(responseKind('/zh-hant', undefined)).toBe('site')
  })
})
