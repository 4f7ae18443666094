import { buildClientSchema, buildSchema, findBreakingChanges, findDangerousChanges, getIntrospectionQuery, type IntrospectionQuery } from 'graphql'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { json } from '../helpers/http'
import { siteAdmin } from '../helpers/site'

/**
 * GraphQL introspection on the production build: what graphql-codegen or get-graphql-schema ask
 * first. Staff and API keys get the schema (the same as the committed SDL); anonymous clients
 * still do not.
 */
const site = inject('site')!
let admin: Record<string, string>
let key: Record<string, string>

const introspect = async (headers: Record<string, string>) => {
  const response = await fetch(`${site.url}/api/graphql`, { method: 'POST', headers: json(headers), body: JSON.stringify({ query: getIntrospectionQuery() }) })
  return (await response.json()) as { data?: IntrospectionQuery | null; errors?: { message: string }[] }
}

beforeAll(async () => {
  admin = await siteAdmin(site.url)
  const apiKey = 'introspection-test-key-0123456789abcdef'
  const created = await fetch(`${site.url}/api/api-keys`, {
    method: 'POST',
    headers: json(admin),
    body: JSON.stringify({ name: 'Codegen', scope: 'read', enableAPIKey: true, apiKey }),
  })
  expect(created.status, await created.clone().text()).toBe(201)
  key = { Authorization: `api-keys API-Key ${apiKey}` }
})

describe('GraphQL introspection in production', () => {
  it('is refused to anonymous clients', async () => {
    const { data, errors } = await introspect({})
    expect(data ?? null).toBeNull()
    expect(errors?.[0]?.message).toMatch(/introspection/i)
  })

  it('gives staff the schema committed in src/graphql/schema.graphql', async () => {
    const { data, errors } = await introspect(admin)
    expect(errors).toBeUndefined()
    const committed = readFileSync(path.join(import.meta.dirname, '../../src/graphql/schema.graphql'), 'utf8')
    const [served, file] = [buildClientSchema(data!), buildSchema(committed)]
    expect(Object.keys(served.getTypeMap()).sort()).toEqual(Object.keys(file.getTypeMap()).sort())
    // Either way round, nothing a client typed from one would break on against the other.
    for (const [from, to] of [[file, served], [served, file]] as const) {
      expect(findBreakingChanges(from, to)).toEqual([])
      expect(findDangerousChanges(from, to)).toEqual([])
    }
  })

  it('gives an API key the schema too', async () => {
    const { data, errors } = await introspect(key)
    expect(errors).toBeUndefined()
    expect(data?.__schema.queryType.name).toBe('Query')
  })
})
