import { validOperatorSet } from 'payload/shared'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { publishedTip } from './helpers/content'
import { startPayload, type TestPayload } from './helpers/payload'
import { declaredBody } from './helpers/rawHttp'
import { createStaff, password } from './helpers/users'

/**
 * Malformed and hostile requests across the API (REST, GraphQL, uploads, login, XLIFF): none may
 * get a 500, each malformed one gets a 4xx, and the server answers a normal read within a second
 * right after each expensive one (nothing blocks its event loop for long).
 */

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let admin: Record<string, string>
let editor: Record<string, string>
let tipId: number
let sent = 0

beforeAll(async () => {
  db = await startPayload('migrated', { API_RATE_LIMIT: '0' })
  api = await startApiServer()
  await createStaff(db.payload)
  admin = await login(api.url, 'admin@lagon.test', password)
  editor = await login(api.url, 'editor@lagon.test', password)
  tipId = await publishedTip(db.payload)
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

type Probe = {
  name: string
  send: () => Promise<{ status: number }>
  /** Must be refused (4xx); otherwise anything below 500 will do. */
  malformed?: boolean
  /** Followed by a timed normal read. */
  expensive?: boolean
}

const http = (path: string, init: RequestInit = {}) => async () => {
  const response = await fetch(`${api.url}${path}`, init)
  await response.arrayBuffer()
  return { status: response.status }
}

const normalReadMs = async () => {
  const started = performance.now()
  const response = await fetch(`${api.url}/api/tips/${tipId}?locale=zh&depth=0`)
  expect(response.status).toBe(200)
  return performance.now() - started
}

/** Runs every probe; returns what went wrong, one line each. */
const run = async (probes: Probe[]): Promise<string[]> => {
  const wrong: string[] = []
  for (const probe of probes) {
    sent += 1
    let status: number
    try {
      ;({ status } = await probe.send())
    } catch (error) {
      wrong.push(`${probe.name}: ${(error as Error).message}`)
      continue
    }
    if (status >= 500) wrong.push(`${probe.name}: ${status}`)
    else if (probe.malformed && (status < 400 || status >= 500)) wrong.push(`${probe.name}: ${status}, expected a 4xx`)
    if (probe.expensive) {
      const ms = await normalReadMs()
      if (ms >= 1000) wrong.push(`${probe.name}: the next read took ${Math.round(ms)} ms`)
    }
  }
  return wrong
}

type Bytes = Uint8Array<ArrayBuffer>
const bytes = (...parts: (string | number[])[]): Bytes => new Uint8Array(Buffer.concat(parts.map((part) => Buffer.from(part as string))))

describe('REST', () => {
  it('paths with invalid UTF-8, NUL bytes, and ids that are not ids', async () => {
    const paths = [
      '/api/articles/%C3%28',
      '/api/articles/%ff%fe',
      '/api/%ff%fe',
      '/api/%C3%28/1',
      '/api/articles/%00',
      '/api/articles/1%00',
      '/api/articles/-1',
      '/api/articles/1.5',
      '/api/articles/1e3',
      '/api/articles/0x10',
      '/api/articles/99999999999999999999',
      '/api/articles/%20',
      '/api/articles/..%2f..%2fusers',
      '/api/articles/count%00',
      '/api/articles/versions/%C3%28',
      '/api/articles/versions/abc',
      '/api/media/file/%00',
      '/api/media/file/%C3%28',
      '/api/media/file/..%2f..%2fpackage.json',
      '/api/translations/articles/abc/fr',
      '/api/translations/articles/1/xx',
      '/api/translations/%ff/1/fr',
      '/api/users/%C3%28',
      '/api/api-keys/%00',
    ]
    const probes = paths.flatMap((path): Probe[] => [
      { name: `GET ${path}`, send: http(path), malformed: true },
      { name: `GET ${path} as admin`, send: http(path, { headers: admin }), malformed: true },
    ])
    expect(await run(probes)).toEqual([])
  })

  it('query strings: NUL bytes, invalid UTF-8, numbers out of range, wrong shapes', async () => {
    const queries = [
      'where[title][equals]=a%00b',
      'where[title][like]=%00',
      'where[slug][in]=a,%00',
      'where[title][equals]=%C3%28',
      'where[title][equals]=%ff%fe',
      'locale=%ff',
      'locale=%00',
      'fallback-locale=%C3%28',
      'sort=%00',
      'sort=title%00',
      'sort=%C3%28',
      'page=99999999999999999999999',
      'page=0',
      'page=-1',
      'limit=99999999999999999999',
      'depth=99999999999999999999',
      'where[id][contains]=x',
      'where[id][like]=x',
      'where[id][greater_than]=x',
      'where[id][equals]=1.5',
      'where[id][equals]=-1',
      'where[id][near]=1,2',
      'where[createdAt][equals]=notadate',
      'where[createdAt][greater_than]=99999999999999999999',
      'where[updatedAt][less_than]=%00',
      'where[title][exists]=maybe',
      'where[title][near]=1,2',
      'where[title][within]=x',
      'where[title][equals][0]=x',
      'where[title][in][a]=x',
      'where=%7B',
      'where=%7B%22title%22%3A%7B%22equals%22%3A%22%5Cu0000%22%7D%7D',
      'where=null',
      'where=[]',
      'where[and]=x',
      'where[and][0]=x',
      'where[or][0][title]=x',
      'select=x',
      'select[title]=maybe',
      'select[nope]=true',
      'populate=x',
      'populate[carriers]=x',
      'joins=x',
      'draft=%00',
      'trash=x',
      '%zz=1',
      'where%5Btitle%5D%5Bequals%5D=%zz',
      `where[title][like]=${'a'.repeat(6000)}`,
      `where[${'a.'.repeat(300)}b][equals]=x`,
      `${'where[or][0]'.repeat(20)}[title][equals]=x`,
    ]
    const probes = ['articles', 'tips', 'media'].flatMap((collection) =>
      queries.flatMap((query): Probe[] => [
        { name: `GET /api/${collection}?${query}`, send: http(`/api/${collection}?${query}`) },
        { name: `GET /api/${collection}/count?${query} as editor`, send: http(`/api/${collection}/count?${query}`, { headers: editor }) },
      ]),
    )
    expect(await run(probes)).toEqual([])
  })

  it('every operator on every kind of field, anonymous and as staff', async () => {
    const fields = ['id', 'title', 'order', 'category', 'createdAt', 'lastVerified', '_status', 'sources', 'sources.url', 'body', 'slugHistory', 'sourceLocale']
    const values = ['x', '99999999999999999999', '1,2']
    const probes = fields.flatMap((field) =>
      [...validOperatorSet].flatMap((operator) =>
        values.map((value): Probe => ({
          name: `GET /api/tips?where[${field}][${operator}]=${value}`,
          send: http(`/api/tips?where[${field}][${operator}]=${encodeURIComponent(value)}`),
        })),
      ),
    )
    const staffFields = { 'translation-memory': ['target', 'source', 'sourceLocale', 'targetLocale', 'id'], glossary: ['term', 'id'], users: ['email', 'role', 'locales'] }
    const staff = Object.entries(staffFields).flatMap(([collection, names]) =>
      names.flatMap((field) =>
        ['like', 'contains', 'equals', 'in', 'greater_than', 'exists', 'near'].map((operator): Probe => ({
          name: `GET /api/${collection}?where[${field}][${operator}]=x as admin`,
          send: http(`/api/${collection}?where[${field}][${operator}]=x`, { headers: admin }),
        })),
      ),
    )
    expect(await run([...probes, ...staff])).toEqual([])
  })

  it('bodies: invalid UTF-8, NUL bytes, deep nesting, wrong types, out-of-range numbers, 12 MB', async () => {
    const write = (body: BodyInit, headers: Record<string, string> = json(editor), path = `/api/tips/${tipId}?locale=zh`, method = 'PATCH') =>
      http(path, { method, headers, body })
    const bodies: [string, string | Bytes][] = [
      ['invalid UTF-8', bytes('{"title":"', [0xff, 0xfe, 0xc3, 0x28], '"}')],
      ['NUL in text', '{"title":"a\\u0000b"}'],
      ['NUL in a nested field', '{"sources":[{"url":"https://a.example/\\u0000","label":"x"}]}'],
      ['raw NUL byte', bytes('{"title":"a', [0], 'b"}')],
      ['nested 5,000 deep', `{"title":${'['.repeat(5000)}${']'.repeat(5000)}}`],
      ['objects nested 5,000 deep', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
      ['number beyond double', '{"order":1e400}'],
      ['number beyond integer', '{"order":99999999999999999999}'],
      ['number as text', '{"order":"abc"}'],
      ['unknown select option', '{"category":"nope"}'],
      ['list for text', '{"title":["a"]}'],
      ['object for a list', '{"sources":{"url":"x"}}'],
      ['rows of the wrong shape', '{"sources":["x",1,null]}'],
      ['bad date', '{"lastVerified":"2026-13-45"}'],
      ['huge year', '{"lastVerified":"+275760-09-14T00:00:00.000Z"}'],
      ['rich text that is not Lexical', '{"body":{"root":"x"}}'],
      ['rich text children not a list', '{"body":{"root":{"type":"root","children":"x"}}}'],
      ['rich text unknown node', '{"body":{"root":{"type":"root","children":[{"type":"nope","children":[]}]}}}'],
      ['an id in the body', '{"id":"abc"}'],
      ['unknown status', '{"_status":"weird"}'],
      ['a string', '"x"'],
      ['a list', '[]'],
      ['null', 'null'],
      ['not JSON', '{"title":'],
      ['a 60,000-character slug', JSON.stringify({ slug: 'a'.repeat(60_000) })],
      ['prototype keys', '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}'],
    ]
    const probes: Probe[] = bodies.flatMap(([name, body]): Probe[] => [
      { name: `PATCH tip: ${name}`, send: write(body), expensive: name.includes('deep') },
      { name: `POST tip: ${name}`, send: write(body, json(editor), '/api/tips?locale=zh', 'POST'), expensive: name.includes('deep') },
    ])
    probes.push(
      { name: 'PATCH tips where[id][contains]=x', send: write('{"title":"x"}', json(editor), '/api/tips?where[id][contains]=x&locale=zh'), malformed: true },
      { name: 'DELETE tips where[id][contains]=x', send: http('/api/tips?where[id][contains]=x', { method: 'DELETE', headers: admin }), malformed: true },
      { name: 'DELETE /api/tips/abc', send: http('/api/tips/abc', { method: 'DELETE', headers: admin }), malformed: true },
      { name: 'PATCH /api/tips/%C3%28', send: write('{"title":"x"}', json(editor), '/api/tips/%C3%28?locale=zh'), malformed: true },
      { name: 'JSON sent as text/plain', send: write('{"title":"x"}', { ...editor, 'content-type': 'text/plain' }), malformed: true },
      { name: 'JSON sent without a type', send: write('{"title":"x"}', editor), malformed: true },
      { name: 'an empty JSON body', send: write('', json(editor)) },
      // Accepted: the title it writes is the one the tip has.
      { name: 'JSON in another charset', send: write('{"title":"机场有免费 Wi-Fi"}', { ...editor, 'content-type': 'application/json; charset=latin1' }) },
      {
        name: '12 MB JSON body, declared',
        send: () => declaredBody(`${api.url}/api/tips/${tipId}?locale=zh`, 12 * 1024 * 1024, json(editor), 'PATCH'),
        malformed: true,
        expensive: true,
      },
      {
        name: '12 MB JSON body, sent',
        send: write(JSON.stringify({ title: 'x'.repeat(12 * 1024 * 1024) })),
        malformed: true,
        expensive: true,
      },
    )
    const wrong = await run(probes)
    expect(wrong).toEqual([])
    expect((await db.payload.findByID({ collection: 'tips', id: tipId, locale: 'zh' })).title).toBe('机场有免费 Wi-Fi')
  })
})

describe('GraphQL', () => {
  it('malformed documents, arguments, variables and bodies', async () => {
    const post = (body: string | Bytes, headers: Record<string, string> = json()) => http('/api/graphql', { method: 'POST', headers, body })
    const query = (text: string, variables?: unknown) => post(JSON.stringify({ query: text, variables }))
    const documents: [string, unknown?][] = [
      ['{ Tips { docs { id } }'],
      ['{ Article(id: "abc") { id } }'],
      ['{ Article(id: 99999999999) { id } }'],
      ['{ Article(id: -1) { id } }'],
      ['{ Articles(where: { id: { contains: "x" } }) { totalDocs } }'],
      ['{ Articles(where: { id: { like: "x" } }) { totalDocs } }'],
      ['{ Articles(where: { title: { equals: "a\u0000b" } }) { totalDocs } }'],
      ['{ Articles(where: { title: { like: "\u0000" } }) { totalDocs } }'],
      ['{ Articles(where: { createdAt: { greater_than: "notadate" } }) { totalDocs } }'],
      ['{ Tips(where: { order: { equals: 99999999999 } }) { totalDocs } }'],
      ['{ Tips(where: { category: { equals: nope } }) { totalDocs } }'],
      ['{ Articles(limit: 99999999999999999999) { totalDocs } }'],
      ['{ Articles(page: 99999999999999999999) { totalDocs } }'],
      ['{ Articles(page: 2147483647) { totalDocs } }'],
      ['{ Articles(page: -1) { totalDocs } }'],
      ['{ Articles(limit: -1) { totalDocs } }'],
      ['{ Articles(locale: xx) { totalDocs } }'],
      ['{ Articles(sort: "nope") { totalDocs } }'],
      ['{ Articles(sort: "title\u0000") { totalDocs } }'],
      ['{ Articles(sort: "\u00ff\u00fe") { totalDocs } }'],
      ['{ Articles(fallbackLocale: xx) { totalDocs } }'],
      ['fragment A on Article { ...B } fragment B on Article { ...A } { Articles { docs { ...A } } }'],
      ['fragment A on Article { ...A } { Articles { docs { ...A } } }'],
      ['{ Articles { docs { ...Missing } } }'],
      ['query ($l: Int) { Articles(limit: $l) { totalDocs } }', { l: 'many' }],
      ['query ($l: Int!) { Articles(limit: $l) { totalDocs } }'],
      ['query ($w: Article_where) { Articles(where: $w) { totalDocs } }', { w: { id: { contains: 'x' } } }],
      ['query ($w: Article_where) { Articles(where: $w) { totalDocs } }', { w: { title: { equals: 'a\u0000b' } } }],
      ['query ($id: Int!) { Article(id: $id) { id } }', { id: 99999999999 }],
      ['{ Articles { docs { id @include(if: $x) } } }'],
      ['mutation { createTip(data: { title: "x" }) { id } }'],
      ['mutation { deleteTip(id: 1) { id } }'],
      ['subscription { Tips { totalDocs } }'],
      ['{ __typename }'],
      ['{ nope }'],
      [`{ ${'a'.repeat(100_000)} }`],
      [`{ Tips(where: { title: { equals: "${'x'.repeat(100_000)}" } }) { totalDocs } }`],
      [`${'{ Tips '.repeat(3000)}${'}'.repeat(3000)}`],
      [`{ Tips { docs { ${'id '.repeat(20_000)} } } }`],
    ]
    const probes: Probe[] = documents.map(([text, variables], index) => ({
      name: `graphql #${index}: ${text.slice(0, 80)}`,
      send: query(text, variables),
      expensive: text.length > 10_000,
    }))
    probes.push(
      { name: 'graphql body: not JSON', send: post('{"query":'), malformed: true },
      { name: 'graphql body: a list (batch)', send: post('[{"query":"{ __typename }"}]'), malformed: true },
      { name: 'graphql body: a string', send: post('"x"'), malformed: true },
      { name: 'graphql body: empty', send: post(''), malformed: true },
      { name: 'graphql body: query a number', send: post('{"query":1}'), malformed: true },
      { name: 'graphql body: variables a string', send: post('{"query":"{ __typename }","variables":"x"}') },
      { name: 'graphql body: unknown operationName', send: post('{"query":"query A { __typename } query B { __typename }","operationName":"C"}'), malformed: true },
      { name: 'graphql body: two operations, no name', send: post('{"query":"query A { __typename } query B { __typename }"}'), malformed: true },
      { name: 'graphql body: invalid UTF-8', send: post(bytes('{"query":"{ Tips(where: { title: { equals: \\"', [0xff, 0xfe], '\\" } }) { totalDocs } }"}')), malformed: true },
      { name: 'graphql body: nested 5,000 deep', send: post(`{"query":"{ __typename }","variables":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`), malformed: true, expensive: true },
      { name: 'graphql body: multipart', send: http('/api/graphql', { method: 'POST', body: new FormData() }), malformed: true },
      {
        name: 'graphql body: 30 MB, declared',
        send: () => declaredBody(`${api.url}/api/graphql`, 30 * 1024 * 1024, json()),
        malformed: true,
        expensive: true,
      },
    )
    expect(await run(probes)).toEqual([])
  })
})

describe('uploads', () => {
  it('malformed multipart, files that are not what they say', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 1, g: 2, b: 3 } } }).png().toBuffer()
    const upload = (form: FormData) => http('/api/media?locale=zh', { method: 'POST', headers: editor, body: form })
    const form = (entries: [string, Blob | string, string?][]) => {
      const data = new FormData()
      for (const [name, value, filename] of entries) {
        if (typeof value === 'string') data.append(name, value)
        else data.append(name, value, filename)
      }
      return data
    }
    const image = new Blob([new Uint8Array(png)], { type: 'image/png' })
    const raw = (body: string | Bytes, type: string) => http('/api/media?locale=zh', { method: 'POST', headers: { ...editor, 'content-type': type }, body })
    const probes: Probe[] = [
      { name: 'no file', send: upload(form([['_payload', '{"alt":"x"}']])), malformed: true },
      { name: '_payload not JSON', send: upload(form([['file', image, 'a.png'], ['_payload', '{']])), malformed: true },
      { name: '_payload a list', send: upload(form([['file', image, 'a.png'], ['_payload', '[]']])), malformed: true },
      { name: '_payload with NUL', send: upload(form([['file', image, 'a.png'], ['_payload', '{"alt":"a\\u0000b"}']])), malformed: true },
      { name: '_payload nested deep', send: upload(form([['file', image, 'a.png'], ['_payload', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`]])), malformed: true, expensive: true },
      { name: 'alt a number', send: upload(form([['file', image, 'a.png'], ['_payload', '{"alt":5}']])), malformed: true },
      { name: 'text as png', send: upload(form([['file', new Blob(['hello'], { type: 'image/png' }), 'a.png'], ['_payload', '{"alt":"x"}']])), malformed: true },
      { name: 'svg', send: upload(form([['file', new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }), 'a.svg'], ['_payload', '{"alt":"x"}']])), malformed: true },
      { name: 'empty file', send: upload(form([['file', new Blob([], { type: 'image/png' }), 'a.png'], ['_payload', '{"alt":"x"}']])), malformed: true },
      { name: 'filename with NUL', send: upload(form([['file', image, 'a\u0000.png'], ['_payload', '{"alt":"x"}']])) },
      { name: 'filename with ../', send: upload(form([['file', image, '../../a.png'], ['_payload', '{"alt":"x"}']])) },
      { name: 'filename of 1,000 characters', send: upload(form([['file', image, `${'a'.repeat(1000)}.png`], ['_payload', '{"alt":"x"}']])) },
      { name: 'two files', send: upload(form([['file', image, 'a.png'], ['file', image, 'b.png'], ['_payload', '{"alt":"x"}']])) },
      { name: 'no boundary', send: raw('--x\r\n\r\n', 'multipart/form-data'), malformed: true },
      { name: 'wrong boundary', send: raw('--y\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n--y--\r\n', 'multipart/form-data; boundary=x'), malformed: true },
      { name: 'truncated', send: raw('--x\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n\x89PNG', 'multipart/form-data; boundary=x'), malformed: true },
      { name: 'header without a name', send: raw('--x\r\ncontent-disposition: form-data\r\n\r\n1\r\n--x--\r\n', 'multipart/form-data; boundary=x'), malformed: true },
      { name: 'invalid UTF-8 in a part', send: raw(bytes('--x\r\ncontent-disposition: form-data; name="_payload"\r\n\r\n{"alt":"', [0xff, 0xfe], '"}\r\n--x--\r\n'), 'multipart/form-data; boundary=x'), malformed: true },
      { name: 'anonymous upload', send: http('/api/media?locale=zh', { method: 'POST', body: form([['file', image, 'a.png'], ['_payload', '{"alt":"x"}']]) }), malformed: true },
      { name: 'PATCH media with a broken body', send: http('/api/media/1?locale=zh', { method: 'PATCH', headers: { ...editor, 'content-type': 'multipart/form-data; boundary=x' }, body: 'nope' }), malformed: true },
    ]
    expect(await run(probes)).toEqual([])
  })
})

describe('login and sessions', () => {
  it('malformed credentials, tokens and cookies', async () => {
    const loginWith = (body: string | Bytes, type = 'application/json') => http('/api/users/login', { method: 'POST', headers: { 'content-type': type }, body })
    const probes: Probe[] = [
      { name: 'NUL in the email', send: loginWith('{"email":"a\\u0000@lagon.test","password":"x"}'), malformed: true },
      { name: 'NUL in the password', send: loginWith('{"email":"nobody@lagon.test","password":"a\\u0000"}'), malformed: true },
      { name: 'raw NUL byte in the email', send: loginWith(bytes('{"email":"a', [0], '@lagon.test","password":"x"}')), malformed: true },
      { name: 'invalid UTF-8 in the email', send: loginWith(bytes('{"email":"', [0xff, 0xfe], '@lagon.test","password":"x"}')), malformed: true },
      { name: 'email a list', send: loginWith('{"email":["a@lagon.test"],"password":"x"}'), malformed: true },
      { name: 'email an object', send: loginWith('{"email":{"$ne":""},"password":"x"}'), malformed: true },
      { name: 'email a number', send: loginWith('{"email":5,"password":"x"}'), malformed: true },
      { name: 'password an object', send: loginWith('{"email":"nobody@lagon.test","password":{"$gt":""}}'), malformed: true },
      { name: 'no password', send: loginWith('{"email":"nobody@lagon.test"}'), malformed: true },
      { name: 'empty object', send: loginWith('{}'), malformed: true },
      { name: 'not JSON', send: loginWith('{"email":'), malformed: true },
      { name: 'form-encoded', send: loginWith('email=nobody%40lagon.test&password=x', 'application/x-www-form-urlencoded'), malformed: true },
      { name: 'an email of 100,000 characters', send: loginWith(JSON.stringify({ email: `${'a'.repeat(100_000)}@lagon.test`, password: 'x' })), malformed: true },
      { name: 'a password of 1 MB', send: loginWith(JSON.stringify({ email: 'nobody@lagon.test', password: 'x'.repeat(1024 * 1024) })), malformed: true, expensive: true },
      { name: 'forgot-password with NUL', send: http('/api/users/forgot-password', { method: 'POST', headers: json(), body: '{"email":"a\\u0000@lagon.test"}' }), malformed: true },
      { name: 'reset-password with a made-up token', send: http('/api/users/reset-password', { method: 'POST', headers: json(), body: '{"token":"\\u0000","password":"x"}' }), malformed: true },
      { name: 'unlock anonymous', send: http('/api/users/unlock', { method: 'POST', headers: json(), body: '{"email":"a\\u0000"}' }), malformed: true },
      { name: 'a JWT that is not one', send: http('/api/users/me', { headers: { Authorization: 'JWT %%%' } }) },
      { name: 'a JWT of 100,000 characters', send: http('/api/users/me', { headers: { Authorization: `JWT ${'a'.repeat(100_000)}` } }) },
      { name: 'a cookie that is not a token', send: http('/api/articles', { headers: { cookie: 'payload-token=%00%ff' } }) },
      { name: 'an API key with NUL', send: http('/api/articles', { headers: { Authorization: 'api-keys API-Key %00' } }), malformed: true },
      { name: 'an API key of 10,000 characters', send: http('/api/articles', { headers: { Authorization: `api-keys API-Key ${'a'.repeat(10_000)}` } }), malformed: true },
      { name: 'refresh-token without a session', send: http('/api/users/refresh-token', { method: 'POST' }), malformed: true },
      { name: 'logout without a session', send: http('/api/users/logout', { method: 'POST' }) },
      { name: 'first-register once there are users', send: http('/api/users/first-register', { method: 'POST', headers: json(), body: '{"email":"x@lagon.test","password":"x"}' }), malformed: true },
      { name: 'me with invalid UTF-8 in the token', send: http('/api/users/me', { headers: { Authorization: 'JWT \u00ff\u00fe' } }) },
    ]
    expect(await run(probes)).toEqual([])
  })
})

describe('XLIFF', () => {
  it('export parameters and import documents that are wrong', async () => {
    const exportWith = (query: string) => http(`/api/xliff/export?${query}`, { headers: editor })
    const importing = (body: string | Bytes, type = 'application/xliff+xml') => http('/api/xliff/import', { method: 'POST', headers: { ...editor, 'content-type': type }, body })
    const entity = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>'
    const xliff = (inner: string) => `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="fr">${inner}</xliff>`
    const probes: Probe[] = [
      ...['locale=xx', 'locale=%00', 'locale=%C3%28', 'locale=fr&collection=%ff', 'locale=fr&collection=users', 'locale=fr&ids=abc', 'locale=fr&ids=99999999999999', 'locale=fr&ids=%00', 'locale=fr&status=nope', 'locale=fr&sourceLocale=xx', ''].map(
        (query): Probe => ({ name: `export ${query}`, send: exportWith(query), malformed: true }),
      ),
      { name: 'export anonymous', send: http('/api/xliff/export?locale=fr'), malformed: true },
      { name: 'import empty', send: importing(''), malformed: true },
      { name: 'import not XML', send: importing('hello'), malformed: true },
      { name: 'import broken XML', send: importing('<xliff><file>'), malformed: true },
      { name: 'import invalid UTF-8', send: importing(bytes(xliff('<file id="'), [0xff, 0xfe], '"></file>')), malformed: true },
      { name: 'import NUL', send: importing(xliff('<file id="articles/1"><unit id="title"><segment><target>a\u0000b</target></segment></unit></file>')), malformed: true },
      { name: 'import entity expansion', send: importing(`<?xml version="1.0"?>${entity}${xliff('<file id="articles/1"><unit id="title"><segment><target>&g;</target></segment></unit></file>')}`), malformed: true, expensive: true },
      { name: 'import nested 5,000 deep', send: importing(xliff(`${'<g>'.repeat(5000)}${'</g>'.repeat(5000)}`)), malformed: true, expensive: true },
      { name: 'import an unknown document', send: importing(xliff('<file id="articles/99999999999"><unit id="title"><segment><source>x</source><target>y</target></segment></unit></file>')), malformed: true },
      { name: 'import a file id that is not one', send: importing(xliff('<file id="%00/../../x"><unit id="title"><segment><target>y</target></segment></unit></file>')), malformed: true },
      { name: 'import into users', send: importing(xliff('<file id="users/1"><unit id="email"><segment><target>y</target></segment></unit></file>')), malformed: true },
      { name: 'import anonymous', send: http('/api/xliff/import', { method: 'POST', headers: { 'content-type': 'application/xliff+xml' }, body: xliff('') }), malformed: true },
      { name: 'import as JSON', send: importing('{"x":1}', 'application/json'), malformed: true },
    ]
    expect(await run(probes)).toEqual([])
  })
})

describe('the whole suite', () => {
  it('sent at least 300 hostile requests', () => {
    expect(sent).toBeGreaterThanOrEqual(300)
  })
})
