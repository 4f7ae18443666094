import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { errorPaths, json } from './helpers/http'
import { declaredBody } from './helpers/rawHttp'
import { publishedTip } from './helpers/content'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>
let tipId: number

beforeAll(async () => {
  db = await startPayload('migrated', { API_RATE_LIMIT: '0', API_MAX_BODY_KB: '64', MEDIA_MAX_MB: '1' })
  api = await startApiServer()
  await createStaff(db.payload)
  editor = await login(api.url, 'editor@lagon.test', password)
  tipId = await publishedTip(db.payload)
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const graphql = async (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) => {
  const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(headers), body: JSON.stringify({ query, variables }) })
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string }[] } }
}

const message = (body: { errors?: { message: string }[] }) => body.errors?.map((error) => error.message).join('; ') ?? ''

/** A normal read, timed: the server is not busy with what came before. */
const normalRead = async () => {
  const started = performance.now()
  const response = await fetch(`${api.url}/api/tips/${tipId}?locale=zh&depth=0`)
  expect(response.status).toBe(200)
  return performance.now() - started
}

describe('GraphQL cost limits', () => {
  it('refuses 300 aliases of Articles { totalDocs } before running any, and stays free for the next read', async () => {
    const query = `{ ${Array.from({ length: 300 }, (_, index) => `a${index}: Articles { totalDocs }`).join(' ')} }`
    const { status, body } = await graphql(query)
    expect(status).toBe(400)
    expect(message(body)).toMatch(/at most 20 aliases \(asked 300\)/)
    expect(message(body)).toMatch(/at most 10 root fields/)
    expect(await normalRead()).toBeLessThan(1000)
  })

  it('refuses more root fields than allowed, even under the alias limit', async () => {
    const query = `{ ${Array.from({ length: 12 }, (_, index) => `t${index}: Tips { totalDocs }`).join(' ')} }`
    const { status, body } = await graphql(query)
    expect(status).toBe(400)
    expect(message(body)).toMatch(/at most 10 root fields in one operation \(asked 12\)/)
  })

  it('refuses a query nested deeper than the limit, fragments expanded, before the schema is consulted', async () => {
    const seven = '{ Articles { docs { relatedCarriers { logo { sizes { thumbnail { url } } } } } } }'
    expect((await graphql(seven)).status).toBe(200)
    const eleven = '{ Articles { docs { a { b { c { d { e { f { g { h { i } } } } } } } } } } }'
    const direct = await graphql(eleven)
    expect(direct.status).toBe(400)
    expect(message(direct.body)).toMatch(/nested at most 10 deep \(asked 11\)/)
    const viaFragment = await graphql('fragment F on Article { a { b { c { d { e { f { g { h { i } } } } } } } } } { Articles { docs { ...F } } }')
    expect(viaFragment.status).toBe(400)
    expect(message(viaFragment.body)).toMatch(/nested at most 10 deep \(asked 11\)/)
  })

  it('lets introspection nest as deep as it needs (the playground, codegen)', async () => {
    const introspection = '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }'
    const { status, body } = await graphql(introspection)
    expect(status).toBe(200)
    expect(body.data).toHaveProperty('__schema.types')
  })

  it('counts list sizes: a long page of documents costs what it returns, for staff too', async () => {
    const small = await graphql('{ Articles(limit: 100) { docs { id title summary } } }', editor)
    expect(small.status).toBe(200)
    const large = await graphql('{ Articles(limit: 2000) { docs { id title summary slug } } }', editor)
    expect(large.status).toBe(400)
    expect(message(large.body)).toMatch(/costs \d+, above the limit of 5000/)
    const viaVariable = await graphql('query ($n: Int) { Articles(limit: $n) { docs { id title summary slug } } }', editor, { n: 2000 })
    expect(viaVariable.status).toBe(400)
  })

  it('refuses a fragment cycle, and a fragment bomb, with a 400 that says why', async () => {
    const cycle = await graphql('fragment A on Article { ...B } fragment B on Article { ...A } { Articles { docs { ...A } } }')
    expect(cycle.status).toBe(400)
    expect(message(cycle.body)).toMatch(/fragment A → B → A spreads itself/)
    // Each fragment spreads the next twice: 2^30 fields once expanded.
    const levels = Array.from({ length: 30 }, (_, index) => `fragment F${index} on Article { ...F${index + 1} ...F${index + 1} }`)
    const bomb = `${levels.join(' ')} fragment F30 on Article { id } { Articles { docs { ...F0 } } }`
    const started = performance.now()
    const { status, body } = await graphql(bomb)
    expect(status).toBe(400)
    expect(message(body)).toMatch(/above the limit/)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(await normalRead()).toBeLessThan(1000)
  })

  it('still runs an ordinary query, and names a document that does not parse', async () => {
    const ok = await graphql('query Tips($l: Int) { Tips(limit: $l, locale: zh) { docs { id title } } }', {}, { l: 5 })
    expect(ok.status).toBe(200)
    expect(ok.body.data).toEqual({ Tips: { docs: [{ id: tipId, title: '机场有免费 Wi-Fi' }] } })
    const broken = await graphql('{ Tips { docs { id }')
    expect(broken.status).toBe(400)
    expect(message(broken.body)).toMatch(/^query: Syntax Error/)
  })
})

describe('request body limits', () => {
  const big = (kilobytes: number) => JSON.stringify({ title: 'x'.repeat(kilobytes * 1024) })

  it('answers 413 naming the limit for a JSON body over it, and writes nothing', async () => {
    const response = await fetch(`${api.url}/api/tips/${tipId}?locale=zh`, { method: 'PATCH', headers: json(editor), body: big(100) })
    expect(response.status).toBe(413)
    const body = (await response.json()) as { errors: { name: string; message: string }[] }
    expect(errorPaths(body)).toEqual(['body'])
    expect(body.errors[0]!.message).toBe('body: larger than the 64 KB limit')
    expect(body.errors[0]!.name).toBe('PayloadTooLarge')
    expect((await db.payload.findByID({ collection: 'tips', id: tipId, locale: 'zh' })).title).toBe('机场有免费 Wi-Fi')
  })

  it('answers 413 for a GraphQL body over it, declared or streamed without a length', async () => {
    const declared = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(), body: JSON.stringify({ query: `{ Tips { totalDocs } } # ${'x'.repeat(100 * 1024)}` }) })
    expect(declared.status).toBe(413)
    const chunks = Array.from({ length: 20 }, () => new TextEncoder().encode(' '.repeat(8 * 1024)))
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":"{ Tips { totalDocs } }"'))
        for (const chunk of chunks) controller.enqueue(chunk)
        controller.enqueue(new TextEncoder().encode('}'))
        controller.close()
      },
    })
    const streamed = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(), body: stream, duplex: 'half' } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(await normalRead()).toBeLessThan(1000)
  })

  it('takes a body within the limit, and refuses a file body beyond its own limit by its declared length', async () => {
    const response = await fetch(`${api.url}/api/tips/${tipId}?locale=zh`, { method: 'PATCH', headers: json(editor), body: JSON.stringify({ title: '机场有免费 Wi-Fi' }) })
    expect(response.status).toBe(200)
    // MEDIA_MAX_MB=1 here, XLIFF documents up to 20 MB: files get 21 MB with their form.
    for (const type of ['multipart/form-data; boundary=x', 'application/xliff+xml']) {
      const { status, text } = await declaredBody(`${api.url}/api/media?locale=zh`, 25 * 1024 * 1024, { ...editor, 'content-type': type })
      expect(status, type).toBe(413)
      expect(JSON.parse(text).errors[0].message).toBe('body: larger than the 21504 KB limit')
    }
    expect(await normalRead()).toBeLessThan(1000)
  })

  it('refuses a GraphQL request that is not JSON with 415', async () => {
    const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/graphql' }, body: '{ Tips { totalDocs } }' })
    expect(response.status).toBe(415)
    expect(((await response.json()) as { errors: { name: string }[] }).errors[0]!.name).toBe('UnsupportedMediaType')
  })
})

describe('X-Payload-HTTP-Method-Override: GET', () => {
  const overridden = (body: string, type = 'application/x-www-form-urlencoded', header = 'x-payload-http-method-override', headers: Record<string, string> = {}) =>
    fetch(`${api.url}/api/tips`, { method: 'POST', headers: { ...headers, 'content-type': type, [header]: 'GET' }, body })

  it.each([
    ['limit=1000', 'limit'],
    ['pagination=false', 'limit'],
    ['depth=9', 'depth'],
    ['locale=xx', 'locale'],
    ['where[title][resembles]=x', 'where[title]'],
  ])('follows the anonymous rules of the GET it names: %s is a 400 naming %s', async (search, path) => {
    const get = await fetch(`${api.url}/api/tips?${search}`)
    const post = await overridden(search)
    expect(post.status).toBe(400)
    expect(get.status).toBe(400)
    const paths = errorPaths(await post.json())
    expect(paths).toContain(path)
    expect(paths).toEqual(errorPaths(await get.json()))
  })

  it('answers as the GET would, form-encoded or JSON, and under X-HTTP-Method-Override too', async () => {
    const get = await (await fetch(`${api.url}/api/tips?locale=zh&depth=0&where[category][equals]=other`)).json()
    const form = await overridden('locale=zh&depth=0&where[category][equals]=other')
    expect(form.status).toBe(200)
    expect(await form.json()).toEqual(get)
    const asJson = await overridden(JSON.stringify({ locale: 'zh', depth: 0, where: { category: { equals: 'other' } } }), 'application/json')
    expect(asJson.status).toBe(200)
    expect(await asJson.json()).toEqual(get)
    expect((await overridden(JSON.stringify({ limit: 1000 }), 'application/json')).status).toBe(400)
    expect((await overridden('limit=1000', 'application/x-www-form-urlencoded', 'x-http-method-override')).status).toBe(400)
  })

  it('keeps staff on their own limits', async () => {
    expect((await overridden('limit=1000&depth=0', 'application/x-www-form-urlencoded', 'x-payload-http-method-override', editor)).status).toBe(200)
  })
})
