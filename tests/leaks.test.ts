import { createHash } from 'node:crypto'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

/**
 * What a reader (anonymous, or an API key of scope `read`) may see, through every channel and
 * every shape of query: nothing written in a locale that is not published for its document.
 * Every unpublished value below carries the marker HIDDEN (files: `hidden` in their name), and
 * published ones never do, so "no answer contains it" is the whole assertion.
 */

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let admin: Record<string, string>

const readKey = 'leak-read-key-0123456789abcdef0123456789abcdef'
const readers: Record<string, Record<string, string>> = {
  anonymous: {},
  'read key': { Authorization: `api-keys API-Key ${readKey}` },
}
const marker = /hidden/i

const ids = {} as Record<
  'article' | 'draftArticle' | 'scheduled' | 'carrier' | 'draftCarrier' | 'tip' | 'publicMedia' | 'draftMedia' | 'frMedia' | 'logoMedia',
  number
>
const files = {} as Record<'draftMedia' | 'frMedia' | 'logoMedia' | 'publicMedia', string>

const image = (seed: number) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: seed, g: 80, b: 160 } } })
    .png()
    .toBuffer()

const media = async (name: string, alt: string, seed: number) => {
  const data = await image(seed)
  const doc = await db.payload.create({
    collection: 'media',
    locale: 'zh',
    data: { alt },
    file: { data, mimetype: 'image/png', name, size: data.length },
  })
  return doc
}

/** Publishes `locale`, then takes it back to draft and writes new text there: the old text stays in the document readers get. */
const takeBack = async (collection: 'articles' | 'carriers' | 'tips', id: number, locale: 'en' | 'fr', published: object, draft: object) => {
  await db.payload.update({ collection, id, locale, data: { ...published, _status: 'published' } })
  await db.payload.update({ collection, id, locale, data: { _status: 'draft' } })
  await db.payload.update({ collection, id, locale, draft: true, data: draft })
}

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    direction: null,
    format: '',
    indent: 0,
    version: 1,
    children: [
      {
        type: 'paragraph',
        direction: null,
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
      },
    ],
  },
})

beforeAll(async () => {
  db = await startPayload('migrated', { API_RATE_LIMIT: '0' })
  api = await startApiServer()
  await createStaff(db.payload)
  admin = await login(api.url, 'admin@lagon.test', password)
  const key = await fetch(`${api.url}/api/api-keys`, {
    method: 'POST',
    headers: json(admin),
    body: JSON.stringify({ name: 'leak reader', scope: 'read', enableAPIKey: true, apiKey: readKey }),
  })
  expect(key.status).toBe(201)

  const publicMedia = await media('lagoon.png', '公开图片', 10)
  const draftMedia = await media('hidden-draft.png', 'HIDDEN draft hero', 20)
  const frMedia = await media('hidden-fr-seo.png', 'HIDDEN fr share image', 30)
  const logoMedia = await media('hidden-logo.png', 'HIDDEN draft carrier logo', 40)
  Object.assign(ids, { publicMedia: publicMedia.id, draftMedia: draftMedia.id, frMedia: frMedia.id, logoMedia: logoMedia.id })
  Object.assign(files, {
    publicMedia: publicMedia.filename,
    draftMedia: draftMedia.filename,
    frMedia: frMedia.filename,
    logoMedia: logoMedia.filename,
  })

  // A carrier never published, and one published in zh with fr taken back.
  const draftCarrier = await db.payload.create({
    collection: 'carriers',
    locale: 'zh',
    draft: true,
    data: { name: 'HIDDEN draft carrier', kind: 'mvno', destination: 'NC', logo: logoMedia.id },
  })
  const carrier = await db.payload.create({
    collection: 'carriers',
    locale: 'zh',
    data: { name: '公开运营商', kind: 'mvno', verification: 'unverified', destination: 'NC', sourceLocale: 'zh', _status: 'published' },
  })
  await takeBack('carriers', carrier.id, 'fr', { name: 'Opérateur HIDDEN retiré' }, { name: 'Opérateur HIDDEN brouillon' })

  const tip = await db.payload.create({
    collection: 'tips',
    locale: 'zh',
    data: { title: '公开提示', destination: 'NC', category: 'other', sourceLocale: 'zh', _status: 'published' },
  })
  await takeBack('tips', tip.id, 'fr', { title: 'Astuce HIDDEN retirée', body: paragraph('Corps HIDDEN retiré') }, { title: 'Astuce HIDDEN brouillon' })

  // Published in zh (with no summary of its own, so fallbacks matter), en never published, fr taken back.
  const article = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: {
      title: '公开文章',
      destination: 'NC',
      sourceLocale: 'zh',
      heroImage: publicMedia.id,
      relatedCarriers: [carrier.id, draftCarrier.id],
      tips: [tip.id],
      _status: 'published',
    },
  })
  await takeBack(
    'articles',
    article.id,
    'fr',
    { title: 'Titre HIDDEN retiré', summary: 'Résumé HIDDEN retiré', seo: { title: 'SEO HIDDEN', image: frMedia.id } },
    { title: 'Titre HIDDEN brouillon', summary: 'Résumé HIDDEN brouillon' },
  )
  await db.payload.update({ collection: 'articles', id: article.id, locale: 'en', draft: true, data: { title: 'HIDDEN English draft', summary: 'HIDDEN en summary' } })

  const draftArticle = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    draft: true,
    data: { title: 'HIDDEN 草稿文章', summary: 'HIDDEN 摘要', destination: 'NC', heroImage: draftMedia.id },
  })
  const scheduled = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    draft: true,
    data: { title: 'HIDDEN 定时文章', destination: 'NC' },
  })
  await db.payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', locale: 'zh', doc: { relationTo: 'articles', value: scheduled.id } },
    waitUntil: new Date(Date.now() + 24 * 3600_000),
  })
  // An editor has the draft medium open: Payload's lock names it and the editor. (Content has
  // Lagon's locks per part instead, claimed through the edit-locks endpoints: staff only.)
  const editor = await db.payload.find({ collection: 'users', where: { email: { equals: 'editor@lagon.test' } } })
  await db.payload.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'media', value: draftMedia.id }, user: { relationTo: 'users', value: editor.docs[0]!.id } },
  })
  Object.assign(ids, { article: article.id, draftArticle: draftArticle.id, scheduled: scheduled.id, carrier: carrier.id, draftCarrier: draftCarrier.id, tip: tip.id })
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

type Answer = { status: number; text: string }

const get = async (path: string, headers: Record<string, string>): Promise<Answer> => {
  const response = await fetch(`${api.url}${path}`, { headers })
  return { status: response.status, text: await response.text() }
}

/** Payload's POST-as-GET: the query string in the body. */
const override = async (path: string, headers: Record<string, string>): Promise<Answer> => {
  const [pathname, search = ''] = path.split('?')
  const response = await fetch(`${api.url}${pathname}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
    body: search,
  })
  return { status: response.status, text: await response.text() }
}

const graphql = async (query: string, headers: Record<string, string>): Promise<Answer> => {
  const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(headers), body: JSON.stringify({ query }) })
  return { status: response.status, text: await response.text() }
}

/** The same query over GET, as a CDN may keep it. */
const graphqlGet = async (query: string, headers: Record<string, string>): Promise<Answer> => {
  const response = await fetch(`${api.url}/api/graphql?query=${encodeURIComponent(query)}`, { headers })
  return { status: response.status, text: await response.text() }
}

/** As a persisted query (Apollo's protocol): the hash alone over GET, and the document once when the server asks for it. */
const graphqlPersisted = async (query: string, headers: Record<string, string>): Promise<Answer> => {
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } })
  const byHash = await fetch(`${api.url}/api/graphql?extensions=${encodeURIComponent(extensions)}`, { headers })
  const text = await byHash.text()
  if (!text.includes('PersistedQueryNotFound')) return { status: byHash.status, text }
  const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(headers), body: JSON.stringify({ query, extensions: JSON.parse(extensions) }) })
  return { status: response.status, text: await response.text() }
}

/**
 * GraphQL as a client may send it: a POST, a GET, a persisted query; each twice, the second
 * answer being the one Lagon's cache of public reads keeps.
 */
const graphqlChannels: Record<string, (query: string, headers: Record<string, string>) => Promise<Answer>> = {
  POST: graphql,
  GET: graphqlGet,
  persisted: graphqlPersisted,
}
const graphqlEverywhere = async (query: string, headers: Record<string, string>): Promise<Answer[]> => {
  const answers: Answer[] = []
  for (const send of Object.values(graphqlChannels)) for (const _ of [1, 2]) answers.push(await send(query, headers))
  return answers
}

/** Sends `paths` eight at a time; returns the answers that fail `ok`, one line each. */
const sweep = async (paths: string[], send: (path: string) => Promise<Answer>): Promise<string[]> => {
  const wrong: string[] = []
  for (let start = 0; start < paths.length; start += 8) {
    await Promise.all(
      paths.slice(start, start + 8).map(async (path) => {
        const { status, text } = await send(path)
        if (status >= 500 || marker.test(text)) wrong.push(`${status} ${path}: ${text.slice(0, 200)}`)
      }),
    )
  }
  return wrong
}

const restPaths = (): string[] => {
  const shapes = [
    'depth=0',
    'depth=1',
    'depth=3',
    'draft=true',
    'select[title]=true',
    'select[name]=true',
    'select[summary]=true',
    'select[seo]=true',
    'select[body]=true',
    'select[slug]=true&select[slugHistory]=true',
    'select[relatedCarriers]=true&depth=2',
    'select[_status]=false',
    'fallback-locale=fr',
    'fallback-locale=fr&select[summary]=true',
    'fallback-locale=fr&select[title]=true&select[name]=true',
    'fallback-locale=en&select[title]=true',
    'fallback-locale=none',
    'populate[carriers][name]=true&depth=1',
    'sort=-id',
  ]
  const locales = ['zh', 'en', 'fr', 'all']
  const documents: [string, number[]][] = [
    ['articles', [ids.article, ids.draftArticle, ids.scheduled]],
    ['carriers', [ids.carrier, ids.draftCarrier]],
    ['tips', [ids.tip]],
    ['media', [ids.publicMedia, ids.draftMedia, ids.frMedia, ids.logoMedia]],
  ]
  return documents.flatMap(([collection, docIds]) =>
    locales.flatMap((locale) =>
      shapes.flatMap((shape) => [
        `/api/${collection}?locale=${locale}&${shape}`,
        ...docIds.map((id) => `/api/${collection}/${id}?locale=${locale}&${shape}`),
      ]),
    ),
  )
}

describe.each(Object.entries(readers))('%s', (_name, headers) => {
  // About a thousand requests: minutes on a loaded machine.
  it('REST lists and documents, in every locale, depth, select and fallback: no unpublished value', { timeout: 300_000 }, async () => {
    expect(await sweep(restPaths(), (path) => get(path, headers))).toEqual([])
  })

  it('the same through POST with X-Payload-HTTP-Method-Override: GET', { timeout: 120_000 }, async () => {
    const paths = restPaths().filter((_, index) => index % 7 === 0)
    expect(await sweep(paths, (path) => override(path, headers))).toEqual([])
  })

  it('a where on an unpublished locale finds nothing: counts, lists and GraphQL say 0 or refuse', async () => {
    const queries = [
      '/api/articles/count?locale=zh&where[title.fr][like]=Titre',
      '/api/articles/count?locale=all&where[title][like]=Titre',
      '/api/articles/count?locale=all&where[summary][like]=sum',
      '/api/articles/count?locale=fr&fallback-locale=zh&where[title][like]=Titre',
      '/api/articles/count?where[summary.fr][exists]=true',
      '/api/articles/count?where[relatedCarriers.name][like]=draft carrier',
      '/api/articles/count?where[relatedCarriers.name.fr][like]=Opérateur',
      '/api/articles/count?where[heroImage.alt][like]=public',
      '/api/articles?locale=all&where[title][like]=Titre&depth=0',
      '/api/tips/count?locale=all&where[body][like]=Corps',
      '/api/carriers/count?locale=all&where[name][like]=Opérateur',
      '/api/media/count?where[alt][like]=draft',
      '/api/media/count',
    ]
    const found: string[] = []
    for (const path of queries) {
      const { status, text } = await get(path, headers)
      expect([200, 400], path).toContain(status)
      if (status !== 200) continue
      const body = JSON.parse(text) as { totalDocs?: number }
      // Published media: only the hero image of the published article.
      const expected = path === '/api/media/count' || path.includes('heroImage.alt') ? 1 : 0
      if (body.totalDocs !== expected || marker.test(text)) found.push(`${path}: ${text.slice(0, 200)}`)
    }
    const counts = await graphql(
      `{ a: Articles(locale: all, where: { title: { like: "Titre" } }) { totalDocs }
         b: Articles(locale: zh, where: { summary: { like: "sum" } }) { totalDocs }
         c: Carriers(locale: all, where: { name: { like: "Opérateur" } }) { totalDocs }
         d: allMedia(where: { alt: { like: "draft" } }) { totalDocs } }`,
      headers,
    )
    expect(counts.status).toBeLessThan(500)
    if (counts.status === 200 && /"totalDocs":[1-9]/.test(counts.text)) found.push(`graphql counts: ${counts.text}`)
    expect(found).toEqual([])
  })

  it('GraphQL, in every locale and fallback, relations populated, as POST, GET and persisted query, cached: no unpublished value', { timeout: 300_000 }, async () => {
    const selection = `id title summary slug _status seo { title description image { alt filename url } }
      heroImage { id alt filename url }
      relatedCarriers { id name slug logo { alt filename } }
      tips { id title body }`
    const leaks: string[] = []
    for (const locale of ['zh', 'en', 'fr', 'all']) {
      for (const fallback of ['', ', fallbackLocale: fr', ', fallbackLocale: en', ', fallbackLocale: none']) {
        for (const id of [ids.article, ids.draftArticle, ids.scheduled]) {
          for (const one of await graphqlEverywhere(`{ Article(id: ${id}, locale: ${locale}${fallback}, draft: true) { ${selection} } }`, headers)) {
            if (one.status >= 500 || marker.test(one.text)) leaks.push(`Article ${id} ${locale}${fallback}: ${one.text.slice(0, 200)}`)
          }
        }
        const lists = await graphqlEverywhere(
          `{ Articles(locale: ${locale}${fallback}, draft: true) { docs { ${selection} } }
             Carriers(locale: ${locale}${fallback}) { docs { id name slug logo { alt filename } } }
             Tips(locale: ${locale}${fallback}) { docs { id title body } }
             allMedia(locale: ${locale}${fallback}) { docs { id alt filename url } } }`,
          headers,
        )
        for (const answer of lists) if (answer.status >= 500 || marker.test(answer.text)) leaks.push(`lists ${locale}${fallback}: ${answer.text.slice(0, 300)}`)
      }
    }
    expect(leaks).toEqual([])
  })

  it('media files of drafts and of unpublished locales are not served', async () => {
    for (const file of [files.draftMedia, files.frMedia, files.logoMedia]) {
      const { status } = await get(`/api/media/file/${file}`, headers)
      expect([403, 404], file).toContain(status)
    }
    expect((await get(`/api/media/file/${files.publicMedia}`, headers)).status).toBe(200)
  })

  it('document locks, jobs and versions are staff-only', async () => {
    for (const path of ['/api/payload-locked-documents', '/api/payload-jobs', '/api/articles/versions', '/api/payload-preferences']) {
      const { status, text } = await get(path, headers)
      expect(status, path).toBeLessThan(500)
      if (status === 200) expect(JSON.parse(text).totalDocs, path).toBe(0)
    }
    const locks = await graphql('{ PayloadLockedDocuments { docs { id document { relationTo } } } }', headers)
    expect(locks.text).not.toContain(`"id"`)
    // Lagon's locks per part of a draft: neither claimed nor shown (who edits it) to non-staff.
    const claim = await fetch(`${api.url}/api/articles/${ids.draftArticle}/edit-locks?locale=zh`, { method: 'POST', headers })
    expect([401, 403]).toContain(claim.status)
    expect(await claim.text()).not.toContain('claims')
  })
})

describe('staff still see everything', () => {
  it('an editor reads the fr draft, draft media and the lock', async () => {
    const editor = await login(api.url, 'editor@lagon.test', password)
    expect((await get(`/api/articles/${ids.article}?locale=fr&draft=true&depth=0`, editor)).text).toContain('Titre HIDDEN brouillon')
    expect((await get(`/api/media/file/${files.draftMedia}`, editor)).status).toBe(200)
    const locks = JSON.parse((await get('/api/payload-locked-documents', editor)).text) as { totalDocs: number }
    expect(locks.totalDocs).toBe(1)
  })

  it('a relation to a draft is not even named: readers see the published carrier only', async () => {
    for (const depth of [0, 1]) {
      const { text } = await get(`/api/articles/${ids.article}?locale=zh&depth=${depth}&select[relatedCarriers]=true`, {})
      const { relatedCarriers } = JSON.parse(text) as { relatedCarriers: (number | { id: number })[] }
      expect(relatedCarriers.map((carrier) => (typeof carrier === 'number' ? carrier : carrier.id)), `depth ${depth}`).toEqual([ids.carrier])
    }
  })

  it('readers still get the published values', async () => {
    const { text } = await get(`/api/articles/${ids.article}?locale=all&depth=1`, {})
    expect(text).toContain('公开文章')
    expect(text).toContain('公开运营商')
    expect(text).toContain('公开图片')
  })
})

describe('relations inside rich text', () => {
  // A published article whose body embeds a draft carrier, a draft tip, and names the draft article
  // (a relationship node and an internal link): the body is the reader's, the drafts are not.
  let embedding: number
  let draftTip: number
  const block = (blockType: string, field: string, value: number) => ({
    type: 'block',
    version: 2,
    format: '',
    fields: { id: `${blockType}-${value}`, blockName: '', blockType, [field]: value },
  })

  beforeAll(async () => {
    draftTip = (
      await db.payload.create({ collection: 'tips', locale: 'zh', draft: true, data: { title: 'HIDDEN 草稿提示', destination: 'NC', category: 'other' } })
    ).id
    const body = paragraph('正文')
    body.root.children.push(
      block('carrierEmbed', 'carrier', ids.draftCarrier) as never,
      block('tipEmbed', 'tip', draftTip) as never,
      block('carrierEmbed', 'carrier', ids.carrier) as never,
      { type: 'relationship', version: 2, format: '', relationTo: 'articles', value: ids.draftArticle } as never,
      {
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: null,
        textFormat: 0,
        textStyle: '',
        children: [
          {
            type: 'link',
            version: 3,
            format: '',
            indent: 0,
            direction: null,
            fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: ids.draftArticle } },
            children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: '链接文字', version: 1 }],
          },
        ],
      } as never,
    )
    embedding = (
      await db.payload.create({
        collection: 'articles',
        locale: 'zh',
        data: { title: '嵌入文章', destination: 'NC', sourceLocale: 'zh', body: body as never, _status: 'published' },
      })
    ).id
  })

  /** The relations a body names: `collection:id` of each block, relationship node and internal link. */
  const named = (node: unknown, found = new Set<string>()): Set<string> => {
    if (Array.isArray(node)) node.forEach((child) => named(child, found))
    if (!node || typeof node !== 'object' || Array.isArray(node)) return found
    const value = node as Record<string, unknown>
    const idOf = (item: unknown) => (item && typeof item === 'object' ? (item as { id: number }).id : item)
    if (value.type === 'relationship' || value.type === 'upload') found.add(`${value.relationTo}:${idOf(value.value)}`)
    const fields = value.fields as Record<string, unknown> | undefined
    if (value.type === 'block' && fields) {
      if ('carrier' in fields) found.add(`carriers:${idOf(fields.carrier)}`)
      if ('tip' in fields) found.add(`tips:${idOf(fields.tip)}`)
    }
    if (value.type === 'link' && fields?.doc) {
      const doc = fields.doc as { relationTo: string; value: unknown }
      found.add(`${doc.relationTo}:${idOf(doc.value)}`)
    }
    for (const child of Object.values(value)) if (child && typeof child === 'object') named(child, found)
    return found
  }

  it.each(Object.entries(readers))('%s: no draft is named, at depth 0 or 1, in any locale', async (_name, headers) => {
    const published = new Set([`carriers:${ids.carrier}`])
    for (const depth of [0, 1]) {
      for (const locale of ['zh', 'all']) {
        const one = JSON.parse((await get(`/api/articles/${embedding}?locale=${locale}&depth=${depth}`, headers)).text)
        const body = locale === 'all' ? one.body.zh : one.body
        expect(named(body), `depth ${depth}, locale ${locale}`).toEqual(published)
        expect(JSON.stringify(body)).toContain('链接文字')
        const list = JSON.parse((await get(`/api/articles?locale=${locale}&depth=${depth}&where[id][equals]=${embedding}`, headers)).text)
        expect(named(list.docs[0].body), `list, depth ${depth}, locale ${locale}`).toEqual(published)
      }
    }
    const graph = await graphql(`{ Article(id: ${embedding}, locale: zh) { body(depth: 0) } }`, headers)
    expect(named(JSON.parse(graph.text).data.Article.body)).toEqual(published)
  })

  it('staff see every embed', async () => {
    const { text } = await get(`/api/articles/${embedding}?locale=zh&depth=0`, admin)
    expect(named(JSON.parse(text).body)).toEqual(
      new Set([`carriers:${ids.draftCarrier}`, `tips:${draftTip}`, `carriers:${ids.carrier}`, `articles:${ids.draftArticle}`]),
    )
  })
})
