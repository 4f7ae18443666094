import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { messagesOf } from '@/messages'

import { login, startApiServer } from './helpers/apiServer'
import { errorPaths, json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>

const validArticle = {
  title: '新喀里多尼亚上网',
  destination: 'NC',
  sources: [{ title: 'Missions', publisher: 'OPT-NC', url: 'https://office.opt.nc/' }],
}
const validCarrier = {
  name: 'OPT-NC Mobilis',
  kind: 'network-operator',
  destination: 'NC',
  website: 'https://www.opt.nc/',
  offers: [{ name: '旅游卡', type: 'tourist-sim', price: { amount: 3000, currency: 'XPF' } }],
}

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  await createStaff(db.payload)
  editor = await login(api.url, 'editor@lagon.test', password)
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const post = (collection: string, data: unknown, locale = 'zh') =>
  fetch(`${api.url}/api/${collection}?locale=${locale}`, {
    method: 'POST',
    headers: json(editor),
    body: JSON.stringify(data),
  })

const count = async (collection: 'articles' | 'carriers') =>
  (await db.payload.count({ collection, overrideAccess: true })).totalDocs

describe('REST validation', () => {
  it('accepts a valid article and carrier', async () => {
    expect((await post('articles', validArticle)).status).toBe(201)
    expect((await post('carriers', validCarrier)).status).toBe(201)
  })

  it.each([
    ['articles', { ...validArticle, sources: [{ title: 'x', url: 'ftp://example.org/file' }] }, 'sources.0.url'],
    ['articles', { ...validArticle, sources: [{ title: 'x', url: 'javascript:alert(1)' }] }, 'sources.0.url'],
    ['articles', { ...validArticle, sources: [{ title: 'x', date: 'Sept 2024' }] }, 'sources.0.date'],
    ['articles', { ...validArticle, destination: 'XX' }, 'destination'],
    ['articles', { ...validArticle, slug: 'Not A Slug!' }, 'slug'],
    ['articles', { ...validArticle, title: '' }, 'title'],
    ['carriers', { ...validCarrier, website: 'www.opt.nc' }, 'website'],
    ['carriers', { ...validCarrier, offers: [{ ...validCarrier.offers[0], price: { amount: -1, currency: 'XPF' } }] }, 'offers.0.price.amount'],
    ['carriers', { ...validCarrier, offers: [{ ...validCarrier.offers[0], price: { amount: 10, currency: 'EURO' } }] }, 'offers.0.price.currency'],
    ['carriers', { ...validCarrier, offers: [{ ...validCarrier.offers[0], price: { amount: 10 } }] }, 'offers.0.price.currency'],
    ['carriers', { ...validCarrier, offers: [{ ...validCarrier.offers[0], unlimitedData: true, dataAllowanceGB: 5 }] }, 'offers.0.dataAllowanceGB'],
    ['carriers', { ...validCarrier, kind: 'satellite' }, 'kind'],
  ] as const)('refuses bad input to %s with a 400 naming %j', async (collection, data, path) => {
    const before = await count(collection)
    const response = await post(collection, data)
    expect(response.status).toBe(400)
    expect(errorPaths(await response.json())).toContain(path)
    expect(await count(collection)).toBe(before)
  })

  it.each([
    ['en', 'en'],
    ['fr', 'fr'],
    ['zh', 'zh'],
    ['zh-TW', 'zh-Hant'],
  ] as const)("names what is wrong in the editor's admin language (Accept-Language %s)", async (language, locale) => {
    const response = await fetch(`${api.url}/api/carriers?locale=zh`, {
      method: 'POST',
      headers: json({ ...editor, 'Accept-Language': language }),
      body: JSON.stringify({ ...validCarrier, website: 'www.opt.nc', offers: [{ ...validCarrier.offers[0], unlimitedData: true, dataAllowanceGB: 5 }] }),
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { data: { errors: { path: string; message: string }[] } }[] }
    const messages = Object.fromEntries(body.errors[0]!.data.errors.map((error) => [error.path, error.message]))
    const expected = messagesOf(locale).validation
    expect(messages.website).toBe(expected.notHttpUrl('www.opt.nc'))
    expect(messages['offers.0.dataAllowanceGB']).toBe(expected.unlimitedHasNoAllowance)
    if (locale !== 'en') expect(messages.website).not.toBe(messagesOf('en').validation.notHttpUrl('www.opt.nc'))
  })

  it('requires the source-locale title only in the source locale', async () => {
    const created = (await (await post('articles', validArticle)).json()) as { doc: { id: number } }
    const response = await fetch(`${api.url}/api/articles/${created.doc.id}?locale=fr`, {
      method: 'PATCH',
      headers: json(editor),
      body: JSON.stringify({ summary: 'Résumé sans titre' }),
    })
    expect(response.status).toBe(200)
  })

  it('keeps slugs unique per locale, and lets two locales share one', async () => {
    const first = (await (await post('articles', { ...validArticle, slug: 'shared-slug' })).json()) as { doc: { id: number } }
    const clash = await post('articles', { ...validArticle, slug: 'shared-slug' })
    expect(clash.status).toBe(400)
    expect(errorPaths(await clash.json())).toContain('slug')

    const english = await fetch(`${api.url}/api/articles/${first.doc.id}?locale=en`, {
      method: 'PATCH',
      headers: json(editor),
      body: JSON.stringify({ title: 'Shared', slug: 'shared-slug' }),
    })
    expect(english.status).toBe(200)
  })

  it('writes nothing of an update that fails validation', async () => {
    const created = (await (await post('articles', validArticle)).json()) as { doc: { id: number } }
    const response = await fetch(`${api.url}/api/articles/${created.doc.id}?locale=zh`, {
      method: 'PATCH',
      headers: json(editor),
      body: JSON.stringify({ title: '改过的标题', sources: [{ title: 'x', url: 'not a url' }] }),
    })
    expect(response.status).toBe(400)
    const stored = await db.payload.findByID({ collection: 'articles', id: created.doc.id, locale: 'zh', draft: true })
    expect(stored.title).toBe(validArticle.title)
    expect(stored.sources?.[0]?.url).toBe('https://office.opt.nc/')
  })
})

describe('GraphQL validation', () => {
  const graphql = (query: string, variables: Record<string, unknown> = {}) =>
    fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: json(editor),
      body: JSON.stringify({ query, variables }),
    })

  it('refuses a bad URL with a 400 naming the field, and writes nothing', async () => {
    const before = await count('articles')
    const response = await graphql(
      `mutation ($data: mutationArticleInput!) { createArticle(data: $data, locale: zh) { id } }`,
      { data: { ...validArticle, sources: [{ title: 'x', url: 'ftp://nope' }] } },
    )
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('sources.0.url')
    expect(await count('articles')).toBe(before)
  })

  it('refuses a wrongly typed variable with a 400', async () => {
    const response = await graphql(
      `mutation ($data: mutationArticleInput!) { createArticle(data: $data, locale: zh) { id } }`,
      { data: { ...validArticle, destination: 42, lastVerified: { not: 'a date' } } },
    )
    expect(response.status).toBe(400)
  })
})
