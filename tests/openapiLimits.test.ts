import createClient from 'openapi-fetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { OpenAPIDocument, Parameter } from '@/openapi/types'

import { bracketQuery } from '../examples/openapi/bracketQuery'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

/**
 * Every bound the OpenAPI document states for a query parameter, sent to the real server: the
 * bound itself is answered, one past it is a 400 naming the parameter. Anonymous clients are held
 * to `schema`'s bounds, signed-in ones (staff, an API key) to `x-authenticated`'s.
 */
let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let document: OpenAPIDocument
const clients: Record<'anonymous' | 'staff' | 'apiKey', Record<string, string>> = { anonymous: {}, staff: {}, apiKey: {} }

beforeAll(async () => {
  db = await startPayload('seeded')
  api = await startApiServer()
  await createStaff(db.payload)
  clients.staff = await login(api.url, 'editor@lagon.test', password)
  const apiKey = 'limits-key-0123456789abcdef0123456789abcdef'
  const created = await fetch(`${api.url}/api/api-keys`, {
    method: 'POST',
    headers: json(await login(api.url, 'admin@lagon.test', password)),
    body: JSON.stringify({ name: 'Limits', scope: 'read', enableAPIKey: true, apiKey }),
  })
  expect(created.status).toBe(201)
  clients.apiKey = { Authorization: `api-keys API-Key ${apiKey}` }
  document = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as OpenAPIDocument
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

type Bounds = { minimum?: number; maximum?: number }

/** The bounded integer parameters of an operation, resolved from the document's components. */
const boundedParameters = (path: string) =>
  (document.paths[path]!.get!.parameters ?? [])
    .map((parameter) => ('$ref' in parameter ? document.components.parameters[parameter.$ref.split('/').pop()!]! : (parameter as Parameter)))
    .filter((parameter) => parameter.in === 'query' && parameter.schema.type === 'integer')

const status = async (path: string, name: string, value: number, headers: Record<string, string>) => {
  const response = await fetch(`${api.url}${path}?${name}=${value}`, { headers })
  const body = await response.text()
  return { status: response.status, body }
}

/** Each documented bound answered, one past it refused with a 400 that names the parameter. */
const checkBounds = async (path: string, parameter: Parameter, bounds: Bounds, headers: Record<string, string>) => {
  const checked: string[] = []
  for (const [bound, past] of [
    [bounds.minimum, bounds.minimum === undefined ? undefined : bounds.minimum - 1],
    [bounds.maximum, bounds.maximum === undefined ? undefined : bounds.maximum + 1],
  ] as const) {
    if (bound === undefined || past === undefined) continue
    const accepted = await status(path, parameter.name, bound, headers)
    expect(accepted.status, `${path}?${parameter.name}=${bound}: ${accepted.body.slice(0, 300)}`).toBe(200)
    const refused = await status(path, parameter.name, past, headers)
    expect(refused.status, `${path}?${parameter.name}=${past}: ${refused.body.slice(0, 300)}`).toBe(400)
    expect(refused.body).toContain(parameter.name)
    checked.push(`${parameter.name}=${bound}`)
  }
  return checked
}

describe('the limits the OpenAPI document states', () => {
  it('states bounds for depth, limit and page on every list, and signed-in bounds where they differ', () => {
    for (const path of ['/api/articles', '/api/carriers', '/api/tips', '/api/media']) {
      const byName = Object.fromEntries(boundedParameters(path).map((parameter) => [parameter.name, parameter]))
      expect(Object.keys(byName).sort(), path).toEqual(['depth', 'limit', 'page'])
      for (const parameter of Object.values(byName)) expect(parameter.schema.maximum, `${path} ${parameter.name}`).toBeTypeOf('number')
      expect(byName.limit!.schema.maximum).toBe(100)
      expect(byName.depth!.schema.maximum).toBe(3)
      expect(byName.limit!['x-authenticated']).toBeDefined()
    }
  })

  it.each(['/api/articles', '/api/carriers', '/api/tips', '/api/media'])('holds anonymous clients to them on %s', async (path) => {
    const checked: string[] = []
    for (const parameter of boundedParameters(path)) checked.push(...(await checkBounds(path, parameter, parameter.schema as Bounds, clients.anonymous)))
    expect(checked).toHaveLength(6)
  })

  it.each(['staff', 'apiKey'] as const)('holds a signed-in client (%s) to the x-authenticated bounds', async (client) => {
    const checked: string[] = []
    for (const parameter of boundedParameters('/api/tips')) {
      checked.push(...(await checkBounds('/api/tips', parameter, parameter['x-authenticated'] ?? (parameter.schema as Bounds), clients[client])))
    }
    expect(checked).toContain('limit=0')
    expect(checked).toHaveLength(6)
  })
})

/** The part of the API the openapi-fetch client below uses, as openapi-typescript would write it from /api/openapi.json. */
type Paths = {
  '/api/tips': {
    get: {
      parameters: { query?: { where?: Record<string, unknown>; limit?: number; locale?: string } }
      responses: { 200: { content: { 'application/json': { docs: { id: number; category: string }[]; totalDocs: number } } } }
    }
  }
}

describe('a nested where from openapi-fetch', () => {
  it('reaches the server whole with the bracket serializer of examples/openapi/', async () => {
    const client = createClient<Paths>({ baseUrl: api.url, querySerializer: bracketQuery })
    const where = { or: [{ category: { equals: 'cash' } }, { category: { in: ['apps', 'payment'] } }] }
    const { data, error, response } = await client.GET('/api/tips', { params: { query: { where, limit: 100, locale: 'en' } } })
    expect(error, JSON.stringify(error)).toBeUndefined()
    expect(response.url).toContain('where%5Bor%5D%5B1%5D%5Bcategory%5D%5Bin%5D%5B0%5D=apps')
    const all = (await (await fetch(`${api.url}/api/tips?limit=100`)).json()) as { docs: { category: string }[] }
    const expected = all.docs.filter((tip) => ['cash', 'apps', 'payment'].includes(tip.category)).length
    expect(expected).toBeGreaterThan(0)
    expect(expected).toBeLessThan(all.docs.length)
    expect(data!.docs).toHaveLength(expected)
    for (const tip of data!.docs) expect(['cash', 'apps', 'payment']).toContain(tip.category)
  })
})
