import { describe, expect, it } from 'vitest'

import { withoutClientRuntime } from '../src/server/withoutClientRuntime'

/** The shapes Next 16 writes into a prerendered App Router page (taken from a built guide page). */
const page = [
  '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<script src="/_next/static/chunks/b.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<title>Guide</title></head><body><div hidden=""><!--$--><!--/$--></div>',
  '<main><script type="application/ld+json">{"@type":"Article","headline":"a \\u003c b"}</script>',
  '<h1>Guide</h1><p>Publié le<!-- --> 26 novembre</p></main>',
  '<script id="_R_">(globalThis["TURBOPACK"] || []).push({})</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n<\\/script>"])</script>',
  '<!--$--><!--/$--></body></html>',
].join('')

describe('a prerendered page without Next client runtime', () => {
  const lean = withoutClientRuntime(page)!

  it('has no script left but its structured data', () => {
    expect(lean).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
    expect(lean).not.toContain('__next_f')
    expect(lean).not.toContain('TURBOPACK')
    expect(lean).not.toContain('as="script"')
    expect(lean).toContain('<script type="application/ld+json">{"@type":"Article","headline":"a \\u003c b"}</script>')
  })

  it('keeps everything a reader sees, and drops only hydration markers', () => {
    expect(lean).toBe(
      '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/>' +
        '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
        '<title>Guide</title></head><body>' +
        '<main><script type="application/ld+json">{"@type":"Article","headline":"a \\u003c b"}</script>' +
        '<h1>Guide</h1><p>Publié le 26 novembre</p></main></body></html>',
    )
  })

  it('refuses a page whose content still waits for a script (a streamed Suspense boundary)', () => {
    const streamed = page.replace('<h1>Guide</h1>', '<!--$?--><template id="B:0"></template><p>Loading</p><!--/$-->')
    expect(withoutClientRuntime(streamed)).toBeUndefined()
    expect(withoutClientRuntime(page.replace('<h1>Guide</h1>', '<div hidden id="S:0"><h1>Guide</h1></div>'))).toBeUndefined()
    expect(withoutClientRuntime(page.replace('<h1>Guide</h1>', '<!--$!--><p>Error</p><!--/$-->'))).toBeUndefined()
  })
})
