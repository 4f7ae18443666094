import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>
let tipId: number

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  await createStaff(db.payload)
  editor = await login(api.url, 'editor@lagon.test', password)
  const tip = await db.payload.create({
    collection: 'tips',
    locale: 'zh',
    data: { title: '带现金', destination: 'NC', category: 'cash', _status: 'published' },
  })
  tipId = tip.id
  // Published in every locale, so that reads in en and fr find it (publishing is per locale).
  for (const [locale, title] of [['en', 'Carry cash'], ['fr', 'Avoir du liquide']] as const) {
    await db.payload.update({ collection: 'tips', id: tip.id, locale, data: { title, _status: 'published' } })
  }
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

/** Every tip and article, with every locale, draft and version: what "nothing changed" compares. */
const snapshot = async () => {
  const all = async (collection: 'tips' | 'articles') =>
    (await db.payload.find({ collection, locale: 'all', draft: true, depth: 0, pagination: false, overrideAccess: true })).docs
  const versions = (await db.payload.countVersions({ collection: 'tips', overrideAccess: true })).totalDocs
  return JSON.stringify({ tips: await all('tips'), articles: await all('articles'), versions })
}

type Body = { errors?: { message: string; data?: unknown }[] }

/** The status, the whole error text (messages and the paths they name), and whether the data stayed as it was. */
const attempt = async (path: string, init: RequestInit = {}) => {
  const before = await snapshot()
  const response = await fetch(`${api.url}${path}`, init)
  const body = (await response.json()) as Body
  return { status: response.status, text: JSON.stringify(body.errors ?? body), unchanged: (await snapshot()) === before }
}

const write = (method: string, body: string, auth = editor): RequestInit => ({ method, headers: json(auth), body })

describe('strict REST parameters', () => {
  it.each([
    ['an unknown locale', '/api/tips?locale=de', ['locale', '"de"', 'zh, en, fr']],
    ['an unknown locale on one document', `/api/tips/ID?locale=xx`, ['locale', '"xx"', 'zh, en, fr']],
    ['an unknown fallback locale', '/api/tips?locale=fr&fallback-locale=de', ['fallback-locale', '"de"', 'zh, en, fr', 'none']],
    ['a locale given twice', '/api/tips?locale=fr&locale=en', ['locale']],
    ['an unknown field in where', '/api/tips?where[nope][equals]=1', ['nope']],
    ['an unknown field inside or', '/api/tips?where[or][0][nope][equals]=1', ['nope']],
    ['an unknown operator', '/api/tips?where[slug][resembles]=x', ['where[slug]', '"resembles"', 'equals']],
    ['a value with no operator', '/api/tips?where[slug]=x', ['where[slug]', 'operator']],
    ['an operator with no field', '/api/tips?where[equals]=x', ['where[equals]']],
    ['and that is not a list', '/api/tips?where[and][x]=1', ['where[and]']],
    ['a where that is neither JSON nor conditions', '/api/tips?where=slug%3Dx', ['where']],
    ['an unknown sort field', '/api/tips?sort=-nope', ['sort', '"nope"']],
    ['text for an id', '/api/tips?where[id][in]=1,two', ['where[id][in]', '"two"']],
    ['an id beyond PostgreSQL integers', '/api/tips?where[id][equals]=99999999999', ['where[id][equals]']],
    ['text for a relation', '/api/articles?where[relatedCarriers][equals]=mobilis', ['where[relatedCarriers][equals]', '"mobilis"']],
    ['a value outside a select', '/api/tips?where[category][equals]=weather', ['where[category][equals]', '"weather"', 'cash']],
    ['an unknown status', '/api/tips?where[_status][not_equals]=gone', ['where[_status][not_equals]', 'published']],
    ['near on a text field', '/api/tips?where[title][near]=1,2', ['where[title][near]', 'point']],
    ['exists that is not a boolean', '/api/tips?where[slug][exists]=maybe', ['where[slug][exists]']],
    ['a depth that is not a number', '/api/tips?depth=deep', ['depth']],
    ['a negative limit', '/api/tips?limit=-5', ['limit']],
    ['page zero', '/api/tips?page=0', ['page']],
    ['a draft flag that is not a boolean', '/api/tips?draft=yes', ['draft']],
  ])('refuses %s with a 400 naming it', async (_, path, named) => {
    const { status, text, unchanged } = await attempt(path.replace('ID', String(tipId)))
    expect(status).toBe(400)
    for (const part of named) expect(text).toContain(part.replaceAll('"', '\\"'))
    expect(unchanged).toBe(true)
  })

  it('accepts what Payload documents: locale=all, fallback-locale=none, JSON where, nested where, sort by a field', async () => {
    for (const query of [
      'locale=all',
      'locale=fr&fallback-locale=none',
      'locale=fr&fallback-locale=en',
      `where=${encodeURIComponent(JSON.stringify({ slug: { equals: 'dai-xian-jin' } }))}`,
      'where[or][0][slug][equals]=dai-xian-jin&where[or][1][destination][equals]=NC',
      'where[slug][in]=dai-xian-jin,other',
      'sort=-updatedAt,title',
    ]) {
      const response = await fetch(`${api.url}/api/tips?${query}`)
      expect(response.status, query).toBe(200)
      expect(((await response.json()) as { totalDocs: number }).totalDocs, query).toBe(1)
    }
  })

  it('answers an id beyond PostgreSQL integers with a 404', async () => {
    expect((await fetch(`${api.url}/api/tips/99999999999999999999`)).status).toBe(404)
  })

  it('answers an unknown collection with a 404, and creates nothing', async () => {
    for (const [method, body] of [['GET', undefined], ['POST', '{"title":"x"}']] as const) {
      const { status, unchanged } = await attempt('/api/nope?locale=fr', { method, headers: json(editor), body })
      expect(status).toBe(404)
      expect(unchanged).toBe(true)
    }
  })
})

describe('strict REST bodies', () => {
  const validTip = { title: '新提示', destination: 'NC', category: 'cash' }

  it.each([
    ['malformed JSON', '{"title": "x",', ['body', 'JSON']],
    ['JSON that is not an object', '"just a string"', ['body', 'object']],
    ['a list', '[{"title": "x"}]', ['body', 'object']],
    ['a number for a text field', JSON.stringify({ ...validTip, title: 42 }), ['title', 'string', 'number']],
    ['a boolean for a text field', JSON.stringify({ ...validTip, title: true }), ['title', 'string', 'boolean']],
    ['an object for a text field', JSON.stringify({ ...validTip, title: { zh: 1 } }), ['title']],
    ['text for a number field', JSON.stringify({ ...validTip, order: 'first' }), ['order', 'expected a number', 'not a number']],
    ['a string for a list field', JSON.stringify({ ...validTip, sources: 'OPT' }), ['sources', 'list']],
    ['a number inside a list row', JSON.stringify({ ...validTip, sources: [{ title: 7 }] }), ['sources.0.title', 'string']],
  ])('refuses %s in a new tip with a 400 naming it, and writes nothing', async (_, body, named) => {
    const { status, text, unchanged } = await attempt('/api/tips?locale=zh', write('POST', body))
    expect(status).toBe(400)
    for (const part of named) expect(text).toContain(part)
    expect(unchanged).toBe(true)
  })

  it("takes a list without rows as the admin's form sends it (its row count, 0), and refuses any other number for a list", async () => {
    const form = (data: Record<string, unknown>) => {
      const body = new FormData()
      body.append('_payload', JSON.stringify(data))
      return { method: 'PATCH', headers: editor, body }
    }
    const emptied = await fetch(`${api.url}/api/tips/${tipId}?locale=zh&draft=true&autosave=true`, form({ title: '带现金', sources: 0 }))
    expect(emptied.status, await emptied.clone().text()).toBe(200)
    const { status, text, unchanged } = await attempt(`/api/tips/${tipId}?locale=zh`, form({ sources: 3 }))
    expect(status).toBe(400)
    expect(text).toContain('sources')
    expect(unchanged).toBe(true)
  })

  it('refuses a mistyped update, or one in an unknown locale, and leaves the tip as it was', async () => {
    for (const [path, body, named] of [
      [`/api/tips/${tipId}?locale=zh`, JSON.stringify({ title: 3.14 }), 'title'],
      [`/api/tips/${tipId}?locale=zh`, JSON.stringify({ title: 'ok', lastVerified: 'last week' }), 'lastVerified'],
      [`/api/tips/${tipId}?locale=de`, JSON.stringify({ title: 'Bargeld' }), 'locale'],
      [`/api/tips/${tipId}?locale=all`, JSON.stringify({ title: 'all' }), 'locale'],
      [`/api/tips/${tipId}?locale=zh`, '{title: 1}', 'body'],
    ]) {
      const { status, text, unchanged } = await attempt(path!, write('PATCH', body!))
      expect(status, body).toBe(400)
      expect(text).toContain(named)
      expect(unchanged, body).toBe(true)
    }
  })

  it('still takes a valid tip (and form-style numbers Payload converts)', async () => {
    const response = await fetch(`${api.url}/api/tips?locale=zh`, write('POST', JSON.stringify({ ...validTip, order: '3' })))
    expect(response.status).toBe(201)
    expect(((await response.json()) as { doc: { order: number } }).doc.order).toBe(3)
  })
})

describe('limits on what one anonymous request may ask', () => {
  it.each([
    ['depth=4', 'depth', 'at most 3'],
    ['limit=101', 'limit', '100'],
    ['limit=0', 'limit', '100'],
    ['pagination=false', 'limit', 'pagination'],
  ])('refuses %s with a 400 naming the maximum', async (query, path, maximum) => {
    const { status, text } = await attempt(`/api/tips?${query}`)
    expect(status).toBe(400)
    expect(text).toContain(path)
    expect(text).toContain(maximum)
  })

  it('allows up to the maximum, and staff beyond it (the admin lists with limit=0)', async () => {
    expect((await fetch(`${api.url}/api/tips?depth=3&limit=100`)).status).toBe(200)
    expect((await fetch(`${api.url}/api/tips?limit=0&depth=5`, { headers: editor })).status).toBe(200)
  })

  it('holds a client with credentials Payload refuses to the same limits', async () => {
    const { status, text } = await attempt('/api/tips?depth=9', { headers: { authorization: 'JWT forged' } })
    expect(status).toBe(400)
    expect(text).toContain('depth')
  })

  it('caps GraphQL lists the same way, literal or variable', async () => {
    for (const body of [
      { query: '{ Tips(limit: 1000) { docs { id } } }' },
      { query: 'query ($n: Int) { Tips(limit: $n) { docs { id } } }', variables: { n: 500 } },
      { query: '{ Tips(pagination: false) { docs { id } } }' },
    ]) {
      const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(), body: JSON.stringify(body) })
      expect(response.status, body.query).toBe(400)
      expect(JSON.stringify(await response.json())).toMatch(/limit|pagination/)
    }
    const staff = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: json(editor),
      body: JSON.stringify({ query: '{ Tips(limit: 1000) { docs { id } } }' }),
    })
    expect(staff.status).toBe(200)
  })
})

describe('strict GraphQL input', () => {
  const graphql = (body: string, query = '') =>
    attempt(`/api/graphql${query}`, { method: 'POST', headers: json(editor), body })

  it('refuses an unknown locale, as an argument or in the URL', async () => {
    const argument = await graphql(JSON.stringify({ query: '{ Tips(locale: de) { docs { id } } }' }))
    expect(argument.status).toBe(400)
    expect(argument.text).toContain('locale')
    const inUrl = await graphql(JSON.stringify({ query: '{ Tips { docs { id } } }' }), '?locale=de')
    expect(inUrl.status).toBe(400)
    expect(inUrl.text).toContain('zh, en, fr')
  })

  it('refuses a malformed body with a 400, and writes nothing', async () => {
    const { status, text, unchanged } = await graphql('{"query": "mutation { createTip(data: {title: \\"x\\"}) { id } }"')
    expect(status).toBe(400)
    expect(text).toContain('body')
    expect(unchanged).toBe(true)
  })

  it('refuses an unknown sort field', async () => {
    const { status, text } = await graphql(JSON.stringify({ query: '{ Tips(sort: "nope") { docs { id } } }' }))
    expect(status).toBe(400)
    expect(text).toContain('nope')
  })
})
