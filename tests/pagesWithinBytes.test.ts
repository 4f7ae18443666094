import { describe, expect, it } from 'vitest'

import { pagesWithinBytes } from '@/server/resilience'

/** A kept page whose copies can grow after it is kept, as a reader page's uncompressed copy is made on demand. */
type Page = { copies: number[] }
const bytesOf = (page: Page) => page.copies.reduce((sum, bytes) => sum + bytes, 0)

/** The front's store of kept pages (src/server/resilience.ts); tests/site/readerPages.test.ts runs it in the real server. */
describe('pages kept within a byte budget', () => {
  it('counts every copy of a page, and drops the least recently used pages beyond the budget', () => {
    const kept = pagesWithinBytes<Page>(100, bytesOf)
    kept.set('/a', { copies: [30, 10] })
    kept.set('/b', { copies: [30, 10] })
    expect(kept.bytes()).toBe(80)
    kept.get('/a')
    kept.set('/c', { copies: [40] })
    expect(kept.has('/b')).toBe(false)
    expect(kept.has('/a')).toBe(true)
    expect(kept.bytes()).toBe(80)
  })

  it('gives a page without counting it as a use (a background recompression): it still goes first', () => {
    const kept = pagesWithinBytes<Page>(100, bytesOf)
    const a = { copies: [40] }
    kept.set('/a', a)
    kept.set('/b', { copies: [40] })
    expect(kept.peek('/a')).toBe(a)
    kept.set('/c', { copies: [40] })
    expect(kept.has('/a')).toBe(false)
    expect(kept.has('/b')).toBe(true)
    expect(kept.peek('/a')).toBeUndefined()
  })

  it('counts a copy added to a kept page, and drops older pages to stay within the budget', () => {
    const kept = pagesWithinBytes<Page>(100, bytesOf)
    const a = { copies: [20] }
    const b = { copies: [20] }
    kept.set('/a', a)
    kept.set('/b', b)
    b.copies.push(70)
    kept.recount('/b', b)
    expect(kept.bytes()).toBe(90)
    expect(kept.has('/a')).toBe(false)
    expect(kept.get('/b')).toBe(b)
  })

  it('leaves the count alone for a page that is no longer the one kept at its path', () => {
    const kept = pagesWithinBytes<Page>(100, bytesOf)
    const old = { copies: [20] }
    kept.set('/a', old)
    kept.set('/a', { copies: [30] })
    old.copies.push(50)
    kept.recount('/a', old)
    expect(kept.bytes()).toBe(30)
  })

  it('keeps no page larger than the whole budget, even once it has grown', () => {
    const kept = pagesWithinBytes<Page>(100, bytesOf)
    const a = { copies: [60] }
    kept.set('/a', a)
    a.copies.push(60)
    kept.recount('/a', a)
    expect(kept.has('/a')).toBe(false)
    expect(kept.bytes()).toBe(0)
  })
})
