import { beforeAll, describe, expect, inject, it } from 'vitest'

import { json } from '../helpers/http'
import { siteAdmin } from '../helpers/site'

/**
 * Error names as a client of the production build gets them (minified server code): the names
 * docs/api.md lists, the same on REST and GraphQL, with the status as the code.
 */
const site = inject('site')!
const documented = ['QueryError', 'ValidationError', 'NotFound', 'Forbidden', 'UnauthorizedError', 'AuthenticationError', 'Locked', 'APIError', 'BadRequest']
let admin: Record<string, string>

type RestError = { name?: string; message: string }
const rest = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${site.url}${path}`, init)
  const body = (await response.json()) as { errors: RestError[] }
  return { status: response.status, error: body.errors[0]! }
}
type GraphqlError = { message: string; extensions?: { name?: string; statusCode?: number } }
const graphql = async (query: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${site.url}/api/graphql`, { method: 'POST', headers: json(headers), body: JSON.stringify({ query }) })
  return ((await response.json()) as { errors: GraphqlError[] }).errors[0]!
}

beforeAll(async () => {
  admin = await siteAdmin(site.url)
})

describe('error names in production', () => {
  it('names a query on an unknown field QueryError, not a minified class name', async () => {
    const { status, error } = await rest('/api/articles?where[nope][equals]=1')
    expect(status).toBe(400)
    expect(error.name).toBe('QueryError')
  })

  it('names an unknown sort field with a documented name', async () => {
    const { status, error } = await rest('/api/articles?sort=nope')
    expect(status, error.message).toBeLessThan(500)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(documented, JSON.stringify(error)).toContain(error.name)
  })

  it('names a missing document NotFound, on REST and GraphQL, with the same status', async () => {
    const { status, error } = await rest('/api/articles/99999999')
    expect([status, error.name]).toEqual([404, 'NotFound'])
    const viaGraphql = await graphql('{ Article(id: 99999999) { id } }')
    expect([viaGraphql.extensions?.statusCode, viaGraphql.extensions?.name]).toEqual([404, 'NotFound'])
  })

  it('names a refused write Forbidden, on REST and GraphQL', async () => {
    const { status, error } = await rest('/api/tips', { method: 'POST', headers: json(), body: JSON.stringify({ title: 'x' }) })
    expect([status, error.name]).toEqual([403, 'Forbidden'])
    // Deleting is for admins (src/access/contentAccess.ts): refused before any document is looked up.
    const viaGraphql = await graphql('mutation { deleteTip(id: 1) { id } }')
    expect([viaGraphql.extensions?.statusCode, viaGraphql.extensions?.name], JSON.stringify(viaGraphql)).toEqual([403, 'Forbidden'])
  })

  it('names invalid data ValidationError, on REST and GraphQL', async () => {
    const { status, error } = await rest('/api/articles?locale=zh', { method: 'POST', headers: json(admin), body: JSON.stringify({ destination: 'NC' }) })
    expect([status, error.name]).toEqual([400, 'ValidationError'])
    const viaGraphql = await graphql('mutation { createArticle(data: { destination: "NC" }, locale: zh) { id } }', admin)
    expect(viaGraphql.extensions?.name, JSON.stringify(viaGraphql)).toBe('ValidationError')
    expect(viaGraphql.extensions?.statusCode).toBe(400)
  })
})
