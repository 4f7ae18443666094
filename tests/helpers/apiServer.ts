import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

import { forwardedFor, parseTrustedProxies } from '@/api/clientAddress'

type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>

const toRequest = (req: IncomingMessage, origin: string): Request => {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  // As Lagon's server does in front of Next (src/server/main.ts): the client's own header only from a trusted proxy.
  req.headers['x-forwarded-for'] = forwardedFor(req.socket.remoteAddress, req.headers['x-forwarded-for'], parseTrustedProxies())
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // @ts-expect-error Node's fetch needs this for streamed bodies
    duplex: 'half',
  })
}

const send = async (response: Response, res: ServerResponse) => {
  res.statusCode = response.status
  response.headers.forEach((value, key) => res.setHeader(key, value))
  // A request refused before its body was read (an oversize upload) must not leave that body
  // on a kept-alive connection for the next request to trip over.
  if (!res.req.complete) res.setHeader('connection', 'close')
  res.end(Buffer.from(await response.arrayBuffer()))
}

/**
 * A real HTTP server in front of Lagon's own API route handlers (the functions the Next app
 * exports for /api/*), on the test file's database.
 */
export const startApiServer = async (): Promise<{ url: string; close: () => Promise<void> }> => {
  // Imported here, not at the top: the routes load the config, which reads the test's environment.
  const graphqlRoute = await import('@/app/(payload)/api/graphql/route')
  const restRoute = await import('@/app/(payload)/api/[...slug]/route')
  const server = createServer(async (req, res) => {
    try {
      const origin = `http://${req.headers.host}`
      const request = toRequest(req, origin)
      const { pathname } = new URL(request.url)
      if (pathname === '/api/graphql') {
        const handler = (graphqlRoute as Record<string, unknown>)[request.method] as Handler | undefined
        if (!handler) return void res.writeHead(405).end()
        return await send(await handler(request, { params: Promise.resolve({ slug: [] }) }), res)
      }
      if (!pathname.startsWith('/api/')) return void res.writeHead(404).end()
      // A segment that does not decode is passed on as it came, for the route to answer.
      const decoded = (segment: string) => {
        try {
          return decodeURIComponent(segment)
        } catch {
          return segment
        }
      }
      const slug = pathname.slice('/api/'.length).split('/').filter(Boolean).map(decoded)
      const handler = (restRoute as Record<string, unknown>)[request.method] as Handler | undefined
      if (!handler) return void res.writeHead(405).end()
      await send(await handler(request, { params: Promise.resolve({ slug }) }), res)
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Logs in through the REST API and returns an Authorization header for that user. */
export const login = async (url: string, email: string, password: string): Promise<Record<string, string>> => {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (!response.ok) throw new Error(`login as ${email} failed: ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  return { Authorization: `JWT ${token}` }
}
