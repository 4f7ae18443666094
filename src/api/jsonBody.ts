import type { Problem } from './problems'

const hasJsonBody = (request: Request) =>
  request.method !== 'GET' && request.method !== 'HEAD' && (request.headers.get('content-type') ?? '').includes('json')

/**
 * Reads a JSON body once, to refuse what Payload would not: a body that is not JSON (GraphQL
 * answers that with a 500) or JSON that is not an object (a string reaches a 500 in REST).
 * The request given back carries the same bytes for Payload to read again. Multipart bodies
 * (uploads, the admin's forms) are left to Payload: they are not buffered here.
 */
export const checkJsonBody = async (request: Request): Promise<{ request: Request; text?: string; problem?: Problem }> => {
  if (!hasJsonBody(request)) return { request }
  const text = await request.text()
  const again = new Request(request.url, { method: request.method, headers: request.headers, body: text, signal: request.signal })
  if (text.trim() === '') return { request: again, text }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    return { request: again, text, problem: { path: 'body', message: `body: not valid JSON (${(error as Error).message})` } }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { request: again, text, problem: { path: 'body', message: 'body: expected a JSON object' } }
  }
  return { request: again, text }
}
