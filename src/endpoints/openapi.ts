import type { Endpoint, PayloadRequest, SanitizedConfig } from 'payload'

import { strongEtag } from '@/api/httpCaching'
import { openAPIDocument } from '@/openapi/document'
import { renderReference } from '@/openapi/reference'

/** Public and the same for everyone until the next deploy: caches may keep it for an hour. */
const cacheControl = 'public, max-age=3600'

type Rendered = { text: string; etag: string; contentType: string }

const rendered = (text: string, contentType: string): Rendered => ({
  text,
  contentType,
  etag: strongEtag(text),
})

/** Each body is made once per config (which does not change while the server runs). */
const cachedPer = (render: (config: SanitizedConfig) => Rendered) => {
  const cache = new WeakMap<SanitizedConfig, Rendered>()
  return (config: SanitizedConfig): Rendered => {
    let body = cache.get(config)
    if (!body) cache.set(config, (body = render(config)))
    return body
  }
}

const respond = (req: PayloadRequest, { text, etag, contentType }: Rendered): Response =>
  req.headers.get('if-none-match') === etag
    ? new Response(null, { status: 304, headers: { etag, 'cache-control': cacheControl } })
    : new Response(text, { headers: { 'content-type': contentType, etag, 'cache-control': cacheControl } })

const documentJson = cachedPer((config) => rendered(JSON.stringify(openAPIDocument(config)), 'application/json; charset=utf-8'))

const referenceHtml = cachedPer((config) =>
  rendered(renderReference(openAPIDocument(config), `${config.routes.api}/openapi.json`), 'text/html; charset=utf-8'),
)

/** `GET /api/openapi.json`: the OpenAPI 3.1 document of the REST API, generated from the config. */
export const openapiJson: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: (req) => respond(req, documentJson(req.payload.config)),
}

/** `GET /api/docs`: the same document as a readable HTML page. */
export const apiReference: Endpoint = {
  path: '/docs',
  method: 'get',
  handler: (req) => respond(req, referenceHtml(req.payload.config)),
}
