import { validOperatorSet } from 'payload/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

/**
 * The hostile-input rule on staff routes: an admin's query of any collection (the staff-only ones
 * too: accounts, keys, webhooks, glossary, translation memory) with any operator on any field,
 * and any sort, is answered or refused with a 4xx, never a 500.
 */
let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let admin: Record<string, string>

beforeAll(async () => {
  db = await startPayload('seeded', { API_RATE_LIMIT: '0' })
  api = await startApiServer()
  await createStaff(db.payload)
  admin = await login(api.url, 'admin@lagon.test', password)
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

/** Top-level fields with a name, per collection (what a client can name in `where` and `sort`). */
const collections = () =>
  db.payload.config.collections
    .filter((collection) => !collection.slug.startsWith('payload-'))
    .map((collection) => ({ slug: collection.slug, fields: collection.flattenedFields.map((field) => field.name) }))

describe('staff collection queries (hostile-input rule, staff routes)', () => {
  it('answers GET /api/translation-memory?where[target][like]=x as an admin with a 4xx naming it, not a 500', async () => {
    const response = await fetch(`${api.url}/api/translation-memory?where[target][like]=x`, { headers: admin })
    const body = await response.text()
    expect(response.status, body).toBeLessThan(500)
    expect(response.status, body).toBeGreaterThanOrEqual(400)
    expect(body).toContain('where[target][like]')
  })

  it('names the field of the queries that were 500s: a checkbox compared with text, a sort on a list, all on a list of text', async () => {
    for (const [path, named] of [
      ['/api/webhooks?where[active][equals]=x', 'where[active][equals]'],
      ['/api/api-keys?where[revoked][in]=true,maybe', 'where[revoked][in]'],
      ['/api/articles?sort=-slugHistory', 'sort'],
      ['/api/carriers?where[bands][all]=B28', 'where[bands][all]'],
    ] as const) {
      const response = await fetch(`${api.url}${path}`, { headers: admin })
      const body = await response.text()
      expect(response.status, `${path}: ${body}`).toBe(400)
      expect(body).toContain(named)
    }
    expect((await fetch(`${api.url}/api/webhooks?where[active][equals]=true`, { headers: admin })).status).toBe(200)
  })

  it('never answers an admin with a 500, whatever the operator, field, value or sort', async () => {
    const operators = [...validOperatorSet]
    const values = ['x', '1', '-1', '99999999999', 'true', '2026-13-45', '%', "'", 'null']
    const failures: string[] = []
    const probe = async ({ slug, fields }: { slug: string; fields: string[] }) => {
      const queries = [
        ...fields.flatMap((field) => operators.map((operator, index) => `where[${field}][${operator}]=${encodeURIComponent(values[index % values.length]!)}`)),
        ...fields.flatMap((field) => [`sort=${field}`, `sort=-${field}`, `where[${field}][nested][equals]=x`]),
        'sort=nope',
        'where[nope][equals]=1',
        'where[or][0][id][in]=1,x',
      ]
      for (const query of queries) {
        const response = await fetch(`${api.url}/api/${slug}?${query}&limit=1&depth=0`, { headers: admin })
        const body = await response.text()
        if (response.status >= 500) failures.push(`${slug}?${query}: ${response.status} ${body.slice(0, 200)}`)
      }
    }
    // Collections side by side: each one's queries in turn.
    await Promise.all(collections().map(probe))
    expect(failures).toEqual([])
  }, 600_000)
})
