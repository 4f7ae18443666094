import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { OpenAPIDocument, Operation, Response as DocumentedResponse } from '@/openapi/types'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let document: OpenAPIDocument
let ajv: Ajv2020
let mediaId: number

const base = 'https://lagon.test/openapi.json'

beforeAll(async () => {
  db = await startPayload('seeded')
  api = await startApiServer()
  // The seeded guide has no images: one, used as an article's hero, so that uploads get populated.
  const image = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 10, g: 90, b: 160 } } })
    .jpeg()
    .toBuffer()
  const media = await db.payload.create({
    collection: 'media',
    locale: 'zh',
    data: { alt: '泻湖' },
    file: { data: image, mimetype: 'image/jpeg', name: 'lagoon.jpg', size: image.length },
  })
  mediaId = media.id
  const { docs } = await db.payload.find({ collection: 'articles', limit: 1, where: { _status: { equals: 'published' } } })
  await db.payload.update({ collection: 'articles', id: docs[0]!.id, data: { heroImage: mediaId, seo: { image: mediaId } } })

  const response = await fetch(`${api.url}/api/openapi.json`)
  expect(response.status).toBe(200)
  document = (await response.json()) as OpenAPIDocument
  // The document's own `#/components/…` references, resolvable by Ajv under one id.
  ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: base, components: JSON.parse(JSON.stringify(document.components).replaceAll('"#/components/', `"${base}#/components/`)) })
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const compile = (schema: unknown): ValidateFunction =>
  ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${base}#/components/`)))

const documented = (operation: Operation, status: string) => {
  const response = operation.responses[status]
  expect(response, `${operation.operationId} documents ${status}`).toBeDefined()
  const resolved = '$ref' in response! ? document.components.responses[response.$ref.split('/').pop()!]! : (response as DocumentedResponse)
  return resolved.content!['application/json']!.schema
}

/** Fetches `path` and checks its status and body against what the document says of that status. */
const answersAsDocumented = async (operation: Operation, path: string, status: string, init?: RequestInit) => {
  const response = await fetch(`${api.url}${path}`, init)
  const body: unknown = await response.json()
  expect(response.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(Number(status))
  const validate = compile(documented(operation, status))
  expect(validate(body), `${path}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true)
  return body
}

const readVariants = ['', '?locale=en&depth=0', '?locale=fr&depth=2', '?locale=all&depth=1', '?locale=en&fallback-locale=none', '?select[id]=true&locale=zh']

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0])
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('describes the public collections, with the locales of the config', async () => {
    const { default: config } = await import('@payload-config')
    const { localization } = await config
    expect(Object.keys(document.paths).sort()).toEqual(
      [...['articles', 'carriers', 'tips', 'media'].flatMap((slug) => [`/api/${slug}`, `/api/${slug}/count`, `/api/${slug}/{id}`]), '/api/search'].sort(),
    )
    expect(document.components.parameters.locale!.schema.enum).toEqual([...(localization ? localization.localeCodes : []), 'all'])
    expect(Object.keys(document.components.schemas).filter((name) => /User|ApiKey/.test(name))).toEqual([])
  })

  it('is computed from the config: a field added to a collection appears in its schema', async () => {
    const { default: config } = await import('@payload-config')
    const { buildOpenAPIDocument } = await import('@/openapi/document')
    const sanitized = await config
    const changed = {
      ...sanitized,
      collections: sanitized.collections.map((collection) =>
        collection.slug === 'tips'
          ? { ...collection, fields: [...collection.fields, { name: 'rating', type: 'select' as const, options: ['good', 'bad'] }] }
          : collection,
      ),
    }
    const tip = buildOpenAPIDocument(changed as typeof sanitized).components.schemas.Tip as { properties: Record<string, unknown> }
    expect(JSON.stringify(tip.properties.rating)).toContain('"enum":["good","bad"]')
    expect((document.components.schemas.Tip as { properties: Record<string, unknown> }).properties.rating).toBeUndefined()
  })

  it('is cacheable and answers 304 to a matching If-None-Match', async () => {
    const response = await fetch(`${api.url}/api/openapi.json`)
    expect(response.headers.get('cache-control')).toMatch(/public/)
    const etag = response.headers.get('etag')!
    expect(etag).toBeTruthy()
    expect((await fetch(`${api.url}/api/openapi.json`, { headers: { 'if-none-match': etag } })).status).toBe(304)
  })
})

describe('every documented GET answers as documented against the seeded guide', () => {
  const gets = () =>
    Object.entries(document.paths).flatMap(([path, methods]) => (methods.get && path !== '/api/search' ? [{ path, operation: methods.get }] : []))

  it('lists, counts and single documents, in each locale, depth and selection', async () => {
    let checked = 0
    for (const { path, operation } of gets()) {
      let concrete = path
      if (path.includes('{id}')) {
        const slug = path.split('/')[2]!
        const list = (await (await fetch(`${api.url}/api/${slug}?limit=1&depth=0`)).json()) as { docs: { id: number }[] }
        expect(list.docs.length, `${slug} has a readable document`).toBeGreaterThan(0)
        concrete = path.replace('{id}', String(list.docs[0]!.id))
      }
      for (const query of path.endsWith('/count') ? ['', '?locale=en&where[id][greater_than]=0'] : readVariants) {
        await answersAsDocumented(operation, `${concrete}${query}`, '200')
        checked += 1
      }
    }
    expect(checked).toBe(4 * (2 * readVariants.length + 2))
  })

  it('populates relationships and uploads with depth, as the schemas say', async () => {
    const body = (await answersAsDocumented(document.paths['/api/articles']!.get!, `/api/articles?depth=1&locale=en&where[heroImage][equals]=${mediaId}`, '200')) as {
      docs: { heroImage: { id: number; url: string } }[]
    }
    expect(body.docs[0]!.heroImage).toMatchObject({ id: mediaId, url: expect.stringContaining('lagoon') })
  })

  it('errors have the documented shape: 404, 400 and 403', async () => {
    const byId = document.paths['/api/articles/{id}']!
    await answersAsDocumented(byId.get!, '/api/articles/999999', '404')
    await answersAsDocumented(document.paths['/api/articles']!.get!, '/api/articles?where[noSuchField][equals]=1', '400')
    await answersAsDocumented(byId.delete!, '/api/articles/1', '403', { method: 'DELETE' })
    await answersAsDocumented(document.paths['/api/tips']!.post!, '/api/tips', '403', {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ title: 'x' }),
    })
  })
})

describe('search answers as documented', () => {
  it('pages without a total, suggests corrections, and names a bad parameter', async () => {
    const search = document.paths['/api/search']!.get!
    const first = (await answersAsDocumented(search, '/api/search?q=%E5%BE%AE%E4%BF%A1&locale=zh&limit=1', '200')) as { docs: unknown[]; hasNextPage: boolean }
    expect(first.docs).toHaveLength(1)
    expect(first.hasNextPage).toBe(true)
    expect(first).not.toHaveProperty('totalDocs')
    await answersAsDocumented(search, '/api/search?q=%E5%BE%AE%E4%BF%A1&locale=zh&limit=1&page=2', '200')
    const corrected = (await answersAsDocumented(search, '/api/search?q=Caledona&locale=en', '200')) as { suggestion: string | null }
    expect(corrected.suggestion).toBe('caledonia')
    await answersAsDocumented(search, '/api/search?q=esim&locale=fr&page=99', '200')
    for (const bad of ['/api/search?locale=en', '/api/search?q=esim&locale=all', '/api/search?q=esim&limit=101']) await answersAsDocumented(search, bad, '400')
  })
})

describe('writes answer as documented', () => {
  it('a tip created, updated and deleted by staff, with bodies the Input schema accepts', async () => {
    await createStaff(db.payload)
    const editor = await login(api.url, 'editor@lagon.test', password)
    const admin = await login(api.url, 'admin@lagon.test', password)
    const tips = document.paths['/api/tips']!
    const tip = document.paths['/api/tips/{id}']!
    const input = compile(document.components.schemas.TipInput)
    const created = { title: '机场有免费 Wi-Fi', category: 'connectivity', destination: 'NC', order: 9, _status: 'published' }
    expect(input(created), ajv.errorsText(input.errors)).toBe(true)
    const { doc } = (await answersAsDocumented(tips.post!, '/api/tips?locale=zh', '201', {
      method: 'POST',
      headers: json(editor),
      body: JSON.stringify(created),
    })) as { doc: { id: number } }
    const update = { title: 'The airport has free Wi-Fi' }
    expect(input(update), ajv.errorsText(input.errors)).toBe(true)
    await answersAsDocumented(tip.patch!, `/api/tips/${doc.id}?locale=en`, '200', { method: 'PATCH', headers: json(editor), body: JSON.stringify(update) })
    await answersAsDocumented(tip.patch!, `/api/tips/${doc.id}`, '400', {
      method: 'PATCH',
      headers: json(editor),
      body: JSON.stringify({ category: 'nonsense' }),
    })
    await answersAsDocumented(tip.delete!, `/api/tips/${doc.id}`, '403', { method: 'DELETE', headers: editor })
    await answersAsDocumented(tip.delete!, `/api/tips/${doc.id}`, '200', { method: 'DELETE', headers: admin })
  })
})

describe('the reference page', () => {
  it('is server-rendered HTML of every operation and schema, loading nothing from elsewhere', async () => {
    const response = await fetch(`${api.url}/api/docs`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await response.text()
    for (const path of Object.keys(document.paths)) expect(html).toContain(`<code>${path}</code>`)
    for (const name of Object.keys(document.components.schemas)) expect(html).toContain(`id="schema-${name}"`)
    expect(html).not.toMatch(/<script|<link[^>]+href="https?:|src="https?:/)
  })
})
