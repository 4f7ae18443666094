import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiReads } from '@/server/apiReads'

/**
 * The front's REST reads (src/server/apiReads.ts) against a build of their own: a route module
 * whose GET echoes what it was given, and Next's manifests. Which requests the front takes, what
 * the handler gets (Next's URL, `x-forwarded-*`, its internal headers gone, `params.slug`), and
 * how the answer is written (the front's headers first, Next's Vary, Set-Cookie, compression, a
 * 500 for an error). tests/site/apiReads.test.ts compares the real thing with Next's answers.
 */

const echoRoute = `
exports.routeModule = {
  userland: {
    GET: async (request, context) => {
      const { slug } = await context.params
      if (slug[0] === 'throws') throw new Error('the handler failed (expected by the test)')
      const headers = new Headers({ 'content-type': 'application/json', 'x-content-type-options': 'from-the-handler', vary: 'Origin', 'cache-control': 'private, no-store' })
      headers.append('set-cookie', 'a=1; Path=/')
      headers.append('set-cookie', 'b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT')
      const body = { url: request.url, headers: Object.fromEntries(request.headers), slug, padding: 'x'.repeat(slug[0] === 'small' ? 0 : 2000) }
      return new Response(JSON.stringify(body), { status: slug[0] === 'missing' ? 404 : 200, headers })
    },
  },
}
`

const makeBuild = (rules: { headers?: unknown[]; proxyEverywhere?: boolean } = {}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lagon-api-reads-'))
  const server = path.join(dir, '.next/server')
  mkdirSync(path.join(server, 'app/(payload)/api/[...slug]'), { recursive: true })
  writeFileSync(path.join(dir, 'package.json'), '{}')
  writeFileSync(
    path.join(server, 'app-paths-manifest.json'),
    JSON.stringify({
      '/(payload)/api/[...slug]/route': 'app/(payload)/api/[...slug]/route.js',
      '/(payload)/api/graphql/route': 'app/(payload)/api/graphql/route.js',
      '/(site)/[locale]/page': 'app/(site)/[locale]/page.js',
    }),
  )
  writeFileSync(path.join(server, 'app/(payload)/api/[...slug]/route.js'), echoRoute)
  // src/proxy.ts's matchers as built: `/`, and any path with a `choose` parameter.
  writeFileSync(
    path.join(server, 'functions-config-manifest.json'),
    JSON.stringify({
      version: 1,
      functions: {
        '/_middleware': {
          runtime: 'nodejs',
          matchers: [
            { regexp: '^(?:\\/(_next\\/data\\/[^/]{1,}))?(?:\\/(\\/?index|\\/?index\\.json))?[\\/#\\?]?$', originalSource: '/' },
            ...(rules.proxyEverywhere
              ? [{ regexp: '^/.*$', originalSource: '/:path*' }]
              : [{ has: [{ type: 'query', key: 'choose' }], regexp: '^(?:\\/([^\\/#\\?]+?))(?:\\/((?:[^\\/#\\?]+?)(?:\\/(?:[^\\/#\\?]+?))*))?[\\/#\\?]?$', originalSource: '/:prefix/:path*' }]),
          ],
        },
      },
    }),
  )
  writeFileSync(
    path.join(dir, '.next/routes-manifest.json'),
    JSON.stringify({
      headers: rules.headers ?? [{ source: '/admin/:path*', regex: '^/admin(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$' }],
      redirects: [{ source: '/:path+/', regex: '^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))/$', internal: true }],
      rewrites: { beforeFiles: [], afterFiles: [], fallback: [] },
    }),
  )
  return dir
}

/** The front as main.ts runs it: its security header set first, then the API's reads, else "Next". */
const startFront = async (dir: string) => {
  const front: { api?: ReturnType<typeof apiReads> } = {}
  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    if (front.api!.takes(req)) void front.api!.answer(req, res)
    else res.setHeader('x-next', 'yes').end('next')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  front.api = apiReads({ dir, distDir: '.next', hostname: '127.0.0.1', port, compress: true })
  return { url: `http://127.0.0.1:${port}`, port, close: () => new Promise((resolve) => server.close(resolve)) }
}

/** A raw request (fetch would add headers and decompress). */
const send = (url: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
    })
    request.on('error', reject)
    request.end()
  })

const dirs: string[] = []
let front: Awaited<ReturnType<typeof startFront>>

beforeAll(async () => {
  dirs.push(makeBuild())
  front = await startFront(dirs[0]!)
})
afterAll(async () => {
  await front?.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('the front’s REST reads', () => {
  it('takes plain GETs of the REST route, and leaves everything else to Next', async () => {
    const taken = async (pathname: string, options?: Parameters<typeof send>[1]) => (await send(`${front.url}${pathname}`, options)).headers['x-next'] === undefined
    expect(await taken('/api/articles?where[slug][equals]=a&locale=fr')).toBe(true)
    expect(await taken('/api/articles/7')).toBe(true)
    expect(await taken('/api/users/me')).toBe(true)
    for (const [pathname, options] of [
      ['/api/articles', { method: 'HEAD' }],
      ['/api/articles', { method: 'POST' }],
      ['/api/articles', { method: 'OPTIONS' }],
      ['/api/graphql?query=%7B__typename%7D', {}],
      ['/api/articles/', {}],
      ['/api//articles', {}],
      ['/api/a%20b', {}],
      ['/api/media/file/photo.png', {}],
      ['/api/articles?choose=fr', {}],
      ['/api/articles?locale=fr&ch%6Fose=fr', {}],
      ['/api/articles', { headers: { rsc: '1' } }],
      ['/api/articles', { headers: { 'next-action': 'x' } }],
      ['/api', {}],
      ['/fr/guides', {}],
    ] as const) {
      expect(await taken(pathname, options), `${options.method ?? 'GET'} ${pathname}`).toBe(false)
    }
  })

  it('gives the handler what Next gives it', async () => {
    const { body } = await send(`${front.url}/api/articles/7?locale=fr&depth=0`, {
      headers: { authorization: 'JWT t', 'x-middleware-rewrite': '/elsewhere', 'x-matched-path': '/x', host: 'guides.example' },
    })
    const seen = JSON.parse(body.toString()) as { url: string; headers: Record<string, string>; slug: string[] }
    expect(seen.url).toBe(`http://127.0.0.1:${front.port}/api/articles/7?locale=fr&depth=0`)
    expect(seen.slug).toEqual(['articles', '7'])
    expect(seen.headers.authorization).toBe('JWT t')
    expect(seen.headers['x-middleware-rewrite']).toBeUndefined()
    expect(seen.headers['x-matched-path']).toBeUndefined()
    expect([seen.headers['x-forwarded-host'], seen.headers['x-forwarded-port'], seen.headers['x-forwarded-proto']]).toEqual(['guides.example', String(front.port), 'http'])
    // A proxy's own X-Forwarded-Proto is kept, and makes the URL https, as Next's is.
    const behindTls = JSON.parse((await send(`${front.url}/api/articles`, { headers: { 'x-forwarded-proto': 'https' } })).body.toString()) as { url: string }
    expect(behindTls.url).toBe(`https://127.0.0.1:${front.port}/api/articles`)
  })

  it('writes the answer as Next does: the front’s headers kept, Next’s Vary first, each cookie, compressed on request', async () => {
    const plain = await send(`${front.url}/api/articles`)
    expect(plain.status).toBe(200)
    expect(plain.headers['x-content-type-options']).toBe('nosniff')
    expect(plain.headers.vary).toBe('rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Origin, Accept-Encoding')
    expect(plain.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT'])
    expect(plain.headers['transfer-encoding']).toBe('chunked')
    expect(plain.headers['content-encoding']).toBeUndefined()
    const gzipped = await send(`${front.url}/api/articles`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    const { padding, slug } = JSON.parse(plain.body.toString()) as { padding: string; slug: string[] }
    expect(JSON.parse(gunzipSync(gzipped.body).toString())).toMatchObject({ padding, slug })
    // Next streams the body: its length unknown, even a small answer is compressed.
    expect((await send(`${front.url}/api/small`, { headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBe('gzip')
    expect((await send(`${front.url}/api/missing`)).status).toBe(404)
  })

  it('answers a handler’s error 500 with no body', async () => {
    const failed = await send(`${front.url}/api/throws`)
    expect(failed.status).toBe(500)
    expect(failed.body.length).toBe(0)
  })

  it('leaves every API request to Next when next.config has rules for /api, the proxy runs for it, or the build has an instrumentation hook', async () => {
    const withRules = makeBuild({ headers: [{ source: '/api/:path*', regex: '^/api(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$' }] })
    const instrumented = makeBuild()
    writeFileSync(path.join(instrumented, '.next/server/instrumentation.js'), 'exports.register = () => {}')
    const proxied = makeBuild({ proxyEverywhere: true })
    dirs.push(withRules, instrumented, proxied)
    for (const dir of [withRules, instrumented, proxied]) {
      const other = await startFront(dir)
      try {
        expect((await send(`${other.url}/api/articles`)).headers['x-next']).toBe('yes')
      } finally {
        await other.close()
      }
    }
  })
})
