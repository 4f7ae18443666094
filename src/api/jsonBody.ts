import { stringify } from 'qs-esm'

import { bodyPath, nulProblem } from './nulCharacters'
import type { Problem } from './problems'

export type BodyLimits = { maxBodyBytes: number; maxFileBodyBytes: number }

/** `text` and `json`: a JSON body's, as read (`json` absent when the body is empty). */
export type CheckedBody = { request: Request; text?: string; json?: unknown; problem?: Problem; status?: number }

/** JSON deeper than this is nobody's document (Lexical's deepest are a few dozen levels), and recursing through it costs the stack. */
const maxNesting = 100

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`

const tooLarge = (request: Request, limit: number): CheckedBody => ({
  request,
  status: 413,
  problem: { path: 'body', message: `body: larger than the ${kilobytes(limit)} limit` },
})

/** The body's bytes, or `undefined` as soon as they pass `limit` (the rest is never read). */
const readCapped = async (request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> => {
  const reader = request.body?.getReader()
  if (!reader) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}

/** How deeply a JSON text nests, counted on the text (outside strings) so that JSON.parse never has to recurse through it. */
const nestingOf = (text: string): number => {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]
    if (inString) {
      if (char === '\\') index += 1
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth)
    else if (char === '}' || char === ']') depth -= 1
  }
  return deepest
}

/** A JSON text that is an object Payload can take: not nested too deep, no NUL character in it. */
const jsonObject = (text: string, path: string): { value?: unknown; problem?: Problem } => {
  if (nestingOf(text) > maxNesting) return { problem: { path, message: `${path}: JSON nested deeper than ${maxNesting} levels` } }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { problem: { path, message: `${path}: not valid JSON (${(error as Error).message})` } }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: { path, message: `${path}: expected a JSON object` } }
  const nul = nulProblem(value, (keys) => bodyPath(path === 'body' ? keys : [path, ...keys]))
  return nul ? { problem: nul } : { value }
}

/**
 * A multipart body (an upload, an admin form) that Payload's parser would fail on with a 500:
 * one that does not parse, a `_payload` part that is not a JSON object, a file name with a NUL.
 */
const formProblem = async (bytes: Uint8Array<ArrayBuffer>, type: string): Promise<Problem | undefined> => {
  let form: FormData
  try {
    form = await new Response(bytes, { headers: { 'content-type': type } }).formData()
  } catch (error) {
    return { path: 'body', message: `body: not valid multipart form data (${(error as Error).message})` }
  }
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      if (name === '_payload') {
        const { problem } = jsonObject(value, '_payload')
        if (problem) return problem
      } else if (value.includes('\u0000')) {
        return { path: name, message: `${name}: contains a NUL character (U+0000)` }
      }
    } else if (value.name.includes('\u0000')) {
      return { path: name, message: `${name}: the file name contains a NUL character (U+0000)` }
    }
  }
  return undefined
}

const isOverriddenGet = (request: Request) =>
  request.method === 'POST' &&
  (request.headers.get('x-payload-http-method-override') === 'GET' || request.headers.get('x-http-method-override') === 'GET')

/**
 * Payload's POST-as-GET (`X-Payload-HTTP-Method-Override: GET`, the query string in a
 * form-encoded or JSON body) as the GET it names, so that every rule for a GET (strict
 * parameters, the anonymous caps, the public read cache) holds for it too.
 */
const asGet = (request: Request, text: string, json: unknown): Request => {
  const url = new URL(request.url)
  const extra = json !== undefined ? stringify(json as Record<string, unknown>) : text.trim()
  if (extra) url.search = url.search ? `${url.search}&${extra}` : `?${extra}`
  const headers = new Headers(request.headers)
  headers.delete('content-type')
  headers.delete('content-length')
  return new Request(url, { method: 'GET', headers, signal: request.signal })
}

/**
 * Reads a request's body once, within the limits, to refuse what Payload would not: a body
 * larger than the limit (413, before it is all read), bytes that are not UTF-8, a body that is not
 * JSON (GraphQL answers that with a 500), JSON that is not an object (a string reaches a 500 in
 * REST) or that nests deeper than anyone's document. The request given back carries the same
 * bytes for Payload to read again. Multipart bodies (uploads, the admin's forms) are left to
 * Payload once their declared length fits: Payload's upload limit names the file. Bodies that
 * carry a file (uploads, XLIFF) have a limit of their own.
 */
export const checkJsonBody = async (request: Request, limits: BodyLimits): Promise<CheckedBody> => {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return { request }
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  const multipart = type.startsWith('multipart/')
  const isJson = type.includes('json')
  const limit = isJson || isOverriddenGet(request) ? limits.maxBodyBytes : limits.maxFileBodyBytes
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) return tooLarge(request, limit)
  const bytes = await readCapped(request, limit)
  if (!bytes) return tooLarge(request, limit)
  const again = new Request(request.url, { method: request.method, headers: request.headers, body: bytes, signal: request.signal })
  if (multipart) {
    const problem = await formProblem(bytes, request.headers.get('content-type') ?? '')
    return problem ? { request: again, status: 400, problem } : { request: again }
  }
  // Other bodies (an XLIFF file) are their endpoint's to decode.
  if (!isJson && !isOverriddenGet(request)) return { request: again }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { request, status: 400, problem: { path: 'body', message: 'body: not valid UTF-8' } }
  }
  if (!isJson || text.trim() === '') return { request: isOverriddenGet(request) ? asGet(request, text, undefined) : again, text }
  const { value: body, problem } = jsonObject(text, 'body')
  if (problem) return { request: again, text, status: 400, problem }
  return { request: isOverriddenGet(request) ? asGet(request, text, body) : again, text, json: body }
}
