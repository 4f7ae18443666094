import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { block, heading, lineBreak, link, list, listItem, paragraph, quote, root, table, text, textFormat } from '@/import/lexicalNodes'
import { messagesOf } from '@/messages'

import { startApiServer } from './helpers/apiServer'
import { startDeeplServer } from './helpers/deeplServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, staffHeaders } from './helpers/users'

const deeplKey = 'test-deepl-key:fx'
let deepl: Awaited<ReturnType<typeof startDeeplServer>>
let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let headers: Record<'admin' | 'editor' | 'translator', Record<string, string>>
let carrierId: number

type Node = { type: string; text?: string; children?: Node[]; fields?: Record<string, unknown>; [key: string]: unknown }
type Doc = Record<string, unknown> & { title?: string; summary?: string; body?: { root: Node }; translation?: Record<string, unknown>; _status?: string }

beforeAll(async () => {
  deepl = await startDeeplServer(deeplKey)
  db = await startPayload('seeded', { DEEPL_API_KEY: deeplKey, DEEPL_SERVER_URL: deepl.url })
  api = await startApiServer()
  await createStaff(db.payload)
  headers = await staffHeaders(api.url)
  const { docs } = await db.payload.find({ collection: 'carriers', where: { slug: { equals: 'opt-mobilis' } }, locale: 'zh', limit: 1 })
  carrierId = docs[0]!.id
})
afterAll(async () => {
  await api?.close()
  await db?.close()
  await deepl?.close()
})

/** A guide body with every kind of block and mark machine translation must keep. */
const richBody = (extra: ReturnType<typeof paragraph>[] = []) =>
  root([
    heading(2, [text('在新喀里多尼亚上网')]),
    paragraph([
      text('唯一的运营商是 '),
      text('OPT-NC', textFormat.bold),
      text('，品牌叫 '),
      text('Mobilis', textFormat.italic),
      text('。详见'),
      link('https://opt.nc/', [text('官网')]),
      lineBreak(),
      text('代码 '),
      text('*#06#', textFormat.code),
    ]),
    list(false, 1, [listItem(1, [text('微信能聊天')]), listItem(2, [text('支付宝', textFormat.bold), text('不能付款')])]),
    quote([text('带上现金。')]),
    table([
      [[text('项目')], [text('说明')]],
      [[text('旅游卡')], [text('有效期 3 个月')]],
    ]),
    block('callout', { kind: 'warning', content: root([paragraph([text('不要指望'), text('手机支付', textFormat.bold)])]) }, 'callout-block-1'),
    block('carrierEmbed', { carrier: carrierId }, 'carrier-block-1'),
    ...extra,
  ])

const createArticle = async (title: string, body = richBody()) =>
  (
    await db.payload.create({
      collection: 'articles',
      locale: 'zh',
      data: { title, summary: `${title}：微信和支付宝在新喀里多尼亚`, destination: 'NC', body: body as never, sourceLocale: 'zh', _status: 'published' },
      depth: 0,
    })
  ).id

const machineTranslate = (id: number, locale: string, auth: Record<string, string> = headers.editor) =>
  fetch(`${api.url}/api/articles/${id}/machine-translate?locale=${locale}`, { method: 'POST', headers: json(auth) })

const readDraft = async (id: number, locale: 'zh' | 'en' | 'fr') =>
  (await db.payload.findByID({ collection: 'articles', id, locale, fallbackLocale: false, draft: true, depth: 0 })) as unknown as Doc

/** A tree with its words taken out: what "same structure" means. */
const shape = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(shape)
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>).map(([key, value]) => [key, key === 'text' ? '' : shape(value)]),
    )
  }
  return node
}

const texts = (node: Node | undefined): string[] => {
  if (!node) return []
  if (node.type === 'text') return [node.text ?? '']
  const fromFields = Object.values(node.fields ?? {}).flatMap((value) =>
    value && typeof value === 'object' && 'root' in (value as object) ? texts((value as { root: Node }).root) : [],
  )
  return [...(node.children ?? []).flatMap(texts), ...fromFields]
}

describe('without a DeepL key', () => {
  it('the endpoint answers 503 "not configured", writes nothing, and the status endpoint says so', async () => {
    const id = await createArticle('无密钥')
    const versionsBefore = (await db.payload.countVersions({ collection: 'articles', where: { parent: { equals: id } } })).totalDocs
    const saved = process.env.DEEPL_API_KEY
    delete process.env.DEEPL_API_KEY
    try {
      const response = await machineTranslate(id, 'fr')
      expect(response.status).toBe(503)
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/not configured.*DEEPL_API_KEY/)
      const status = await fetch(`${api.url}/api/machine-translation`, { headers: headers.editor })
      expect(await status.json()).toMatchObject({ configured: false })
    } finally {
      process.env.DEEPL_API_KEY = saved
    }
    expect((await db.payload.countVersions({ collection: 'articles', where: { parent: { equals: id } } })).totalDocs).toBe(versionsBefore)
    expect((await readDraft(id, 'fr')).title ?? null).toBeNull()
    const configured = await fetch(`${api.url}/api/machine-translation`, { headers: headers.editor })
    expect(await configured.json()).toMatchObject({ configured: true, provider: 'deepl' })
  })
})

describe('when DeepL fails', () => {
  it('answers 502 with its message and writes nothing', async () => {
    const id = await createArticle('失败')
    const versionsBefore = (await db.payload.countVersions({ collection: 'articles', where: { parent: { equals: id } } })).totalDocs
    process.env.DEEPL_API_KEY = 'a-revoked-key'
    try {
      const response = await machineTranslate(id, 'fr')
      expect(response.status).toBe(502)
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^DeepL: Authorization failure/)
    } finally {
      process.env.DEEPL_API_KEY = deeplKey
    }
    expect((await db.payload.countVersions({ collection: 'articles', where: { parent: { equals: id } } })).totalDocs).toBe(versionsBefore)
    expect((await readDraft(id, 'fr')).title ?? null).toBeNull()
  })
})

describe('who may machine-translate', () => {
  it('not readers; translators only into their own locales', async () => {
    const id = await createArticle('权限')
    expect((await fetch(`${api.url}/api/articles/${id}/machine-translate?locale=fr`, { method: 'POST' })).status).toBe(401)
    expect((await machineTranslate(id, 'en', headers.translator)).status).toBe(403)
    expect((await machineTranslate(id, 'zh')).status).toBe(400)
    expect((await machineTranslate(id, 'de')).status).toBe(400)
    expect((await fetch(`${api.url}/api/articles/999999/machine-translate?locale=fr`, { method: 'POST', headers: headers.editor })).status).toBe(404)
    expect((await machineTranslate(id, 'fr', headers.translator)).status).toBe(200)
  })

  it.each([
    ['en', 'en'],
    ['fr', 'fr'],
    ['zh', 'zh'],
    ['zh-TW', 'zh-Hant'],
  ] as const)('refuses in the language of the request, the parameter named first (Accept-Language %s)', async (language, locale) => {
    const id = await createArticle(`拒绝 ${language}`)
    const said = messagesOf(locale).translationRefusals
    const refusal = async (response: Response, status: number) => {
      expect(response.status).toBe(status)
      return ((await response.json()) as { errors: { message: string }[] }).errors[0]!.message
    }
    const as = (auth: Record<string, string>) => ({ ...auth, 'Accept-Language': language })
    const messages = [
      await refusal(await fetch(`${api.url}/api/articles/${id}/machine-translate?locale=fr`, { method: 'POST', headers: as({}) }), 401),
      await refusal(await machineTranslate(id, 'en', as(headers.translator)), 403),
      await refusal(await machineTranslate(id, 'zh', as(headers.editor)), 400),
      await refusal(await fetch(`${api.url}/api/articles/999999/machine-translate?locale=fr`, { method: 'POST', headers: as(headers.editor) }), 404),
    ]
    const expected = (refusals: typeof said) => [
      refusals.logIn,
      `locale: ${refusals.mayNotTranslateInto('en')}`,
      `locale: ${refusals.isSourceLocale('zh', 'articles', String(id))}`,
      `id: ${refusals.noDocument('articles', '999999')}`,
    ]
    expect(messages).toEqual(expected(said))
    if (locale !== 'en') expect(messages.filter((message, index) => message === expected(messagesOf('en').translationRefusals)[index])).toEqual([])
  })
})

describe('a long document', () => {
  it('is sent in requests of at most 50 texts, a repeated segment once', async () => {
    const paragraphs = Array.from({ length: 70 }, (_, index) => paragraph([text(`第 ${index + 1} 段`)]))
    const id = await createArticle('长文', root([...paragraphs, paragraph([text('第 1 段')])]))
    const before = deepl.requests.length
    const response = await machineTranslate(id, 'fr')
    expect(await response.json()).toMatchObject({ sent: 72 })
    const batches = deepl.requests.slice(before).filter((request) => request.path === '/v2/translate').map((request) => request.form.getAll('text').length)
    expect(batches).toEqual([50, 22])
    const body = (await readDraft(id, 'fr')).body!
    expect(texts(body.root)).toHaveLength(71)
    expect(texts(body.root)[70]).toBe('[fr] 第 1 段')
    expect(texts(body.root)[69]).toBe('[fr] 第 70 段')
  })
})

describe('machine translation of array rows', () => {
  it("translates each offer's localized fields in place and leaves the rest of the row alone", async () => {
    const carrier = await db.payload.create({
      collection: 'carriers',
      locale: 'zh',
      data: {
        name: '测试运营商',
        kind: 'esim-reseller',
        destination: 'NC',
        sourceLocale: 'zh',
        offers: [
          { name: '七天套餐', type: 'esim', dataAllowanceGB: 5, validityDays: 7, price: { amount: 2500, currency: 'XPF' }, notes: '只有流量' },
          { name: '三十天套餐', type: 'esim', dataAllowanceGB: 20, validityDays: 30, price: { amount: 6000, currency: 'XPF' } },
        ],
        _status: 'published',
      } as never,
      depth: 0,
    })
    const response = await fetch(`${api.url}/api/carriers/${carrier.id}/machine-translate?locale=en`, { method: 'POST', headers: headers.editor })
    expect(response.status, await response.clone().text()).toBe(200)
    const [zh, en] = await Promise.all(
      (['zh', 'en'] as const).map((locale) => db.payload.findByID({ collection: 'carriers', id: carrier.id, locale, fallbackLocale: false, draft: true, depth: 0 })),
    )
    expect(en.name).toBe('[en] 测试运营商')
    expect(en.offers!.map((offer) => [offer.id, offer.name, offer.notes ?? null])).toEqual([
      [zh.offers![0]!.id, '[en] 七天套餐', '[en] 只有流量'],
      [zh.offers![1]!.id, '[en] 三十天套餐', null],
    ])
    const facts = (offers: typeof zh.offers) => offers!.map(({ name: _name, notes: _notes, ...rest }) => rest)
    expect(facts(en.offers)).toEqual(facts(zh.offers))
    expect(zh.offers!.map((offer) => offer.name)).toEqual(['七天套餐', '三十天套餐'])
    expect(Object.keys((en.translation?.machine ?? {}) as object).sort()).toEqual(
      ['name', `offers.${zh.offers![0]!.id}.name`, `offers.${zh.offers![0]!.id}.notes`, `offers.${zh.offers![1]!.id}.name`].sort(),
    )
  })
})

describe('machine translation through DeepL', () => {
  let id: number
  let from: number

  beforeAll(async () => {
    id = await createArticle('新喀里多尼亚指南')
    from = deepl.requests.length
    const response = await machineTranslate(id, 'fr')
    expect(response.status, await response.clone().text()).toBe(200)
  })

  it('keeps the rich text structure: headings, lists, links, marks, table, callout and embed blocks', async () => {
    const source = await readDraft(id, 'zh')
    const target = await readDraft(id, 'fr')
    expect(shape(target.body)).toEqual(shape(source.body))
    const sourceTexts = texts(source.body!.root)
    const targetTexts = texts(target.body!.root)
    expect(targetTexts.length).toBe(sourceTexts.length)
    // Every block starts with the server's marker; inline code is left alone (ignore_tags).
    expect(targetTexts).toContain('*#06#')
    expect(targetTexts.filter((words) => words.startsWith('[fr] '))).toHaveLength(10)
    const callout = target.body!.root.children!.find((node) => node.type === 'block' && node.fields?.blockType === 'callout')!
    expect(texts(callout)).toEqual(['[fr] 不要指望', '手机支付'])
    const embed = target.body!.root.children!.find((node) => node.type === 'block' && node.fields?.blockType === 'carrierEmbed')!
    expect(embed.fields).toMatchObject({ id: 'carrier-block-1', carrier: carrierId })
    expect(target.title).toBe('[fr] Nouvelle-Calédonie指南')
  })

  it('sends XML with tag handling and the glossary made from the CMS terms', async () => {
    const translate = deepl.requests.slice(from).filter((request) => request.path === '/v2/translate')
    expect(translate).toHaveLength(1)
    const [request] = translate
    expect(request!.form.get('tag_handling')).toBe('xml')
    expect(request!.form.get('source_lang')?.toLowerCase()).toBe('zh')
    expect(request!.form.get('target_lang')?.toLowerCase()).toBe('fr')
    expect(request!.form.getAll('text')).toContain('唯一的运营商是 <t i="1">OPT-NC</t>，品牌叫 <t i="2">Mobilis</t>。详见<a i="3">官网</a><br i="4"/>代码 <c i="5">*#06#</c>')
    const glossaryId = request!.form.get('glossary_id')
    const glossary = deepl.glossaries.get(glossaryId ?? '')
    expect(glossary).toBeDefined()
    const { docs: terms } = await db.payload.find({ collection: 'glossary', pagination: false })
    expect(Object.fromEntries(glossary!.entries)).toEqual(
      Object.fromEntries(terms.filter((term) => term.zh && term.fr).map((term) => [term.zh, term.fr])),
    )
    expect(Object.fromEntries(glossary!.entries)).toMatchObject({ 新喀里多尼亚: 'Nouvelle-Calédonie', 微信: 'WeChat', 支付宝: 'Alipay' })
    expect(glossary!.source_lang).toBe('zh')
    expect(glossary!.target_lang).toBe('fr')
  })

  it('saves a needs-review draft with the machine fingerprints and leaves the published version alone', async () => {
    const draft = await readDraft(id, 'fr')
    expect(draft.translation).toMatchObject({ status: 'needs-review' })
    const machine = draft.translation!.machine as Record<string, string>
    expect(Object.keys(machine).sort()).toEqual(['body', 'summary', 'title'])
    expect(draft.translation!.sourceSnapshot).toMatchObject({ title: '新喀里多尼亚指南' })
    const published = (await db.payload.findByID({ collection: 'articles', id, locale: 'fr', fallbackLocale: false, depth: 0 })) as unknown as Doc
    // Publishing is per locale: French was never published, and machine output does not publish it.
    expect(published._status).toBe('draft')
    expect(published.title ?? null).toBeNull()
    const source = (await db.payload.findByID({ collection: 'articles', id, locale: 'zh', depth: 0 })) as unknown as Doc
    expect(source._status).toBe('published')
    expect((await fetch(`${api.url}/api/articles/${id}?locale=fr&fallback-locale=none`)).status).toBe(404)
  })

  it('a re-run sends only what changed in the source and keeps a field a person edited', async () => {
    // A translator rewrites the summary; an editor changes one paragraph and the title of the source.
    const edit = await fetch(`${api.url}/api/articles/${id}?locale=fr&draft=true`, {
      method: 'PATCH',
      headers: json(headers.translator),
      body: JSON.stringify({ summary: 'Résumé écrit à la main' }),
    })
    expect(edit.status).toBe(200)
    const source = await readDraft(id, 'zh')
    const body = structuredClone(source.body!)
    body.root.children![3] = quote([text('一定要带上现金。')])
    await db.payload.update({
      collection: 'articles',
      id,
      locale: 'zh',
      data: { title: '新喀里多尼亚上网指南', summary: '新的摘要', body },
      depth: 0,
    })
    const before = deepl.requests.length
    const response = await machineTranslate(id, 'fr')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ sent: 2, keptEdits: ['summary'] })
    expect(deepl.translatedTexts(before).sort()).toEqual(['一定要带上现金。', '新喀里多尼亚上网指南'].sort())
    const target = await readDraft(id, 'fr')
    expect(target.summary).toBe('Résumé écrit à la main')
    expect(target.title).toBe('[fr] Nouvelle-Calédonie上网指南')
    expect(texts(target.body!.root)).toContain('[fr] 一定要带上现金。')
    expect(texts(target.body!.root)).toContain('[fr] 在新喀里多尼亚上网'.replace('新喀里多尼亚', 'Nouvelle-Calédonie'))

    // Nothing changed since: nothing is sent, nothing written.
    const again = deepl.requests.length
    const versions = (await db.payload.countVersions({ collection: 'articles', where: { parent: { equals: id } } })).totalDocs
    expect(await (await machineTranslate(id, 'fr')).json()).toMatchObject({ sent: 0, written: [] })
    expect(deepl.translatedTexts(again)).toEqual([])
    expect((await db.payload.countVersions({ collection: 'articles', where: { parent: { equals: id } } })).totalDocs).toBe(versions)
  })

  it('approved segments fill the translation memory, and a new document reuses them without asking DeepL', async () => {
    const approve = await fetch(`${api.url}/api/articles/${id}?locale=fr&draft=true`, {
      method: 'PATCH',
      headers: json(headers.editor),
      body: JSON.stringify({ translation: { status: 'done' } }),
    })
    expect(approve.status, await approve.clone().text()).toBe(200)
    const { totalDocs } = await db.payload.count({ collection: 'translation-memory', where: { targetLocale: { equals: 'fr' } } })
    expect(totalDocs).toBeGreaterThanOrEqual(11)

    const other = await createArticle('新喀里多尼亚上网指南', root([paragraph([text('带上现金。')]), quote([text('一定要带上现金。')]), paragraph([text('全新的一段')])]))
    const before = deepl.requests.length
    const response = await machineTranslate(other, 'fr')
    expect(await response.json()).toMatchObject({ sent: 3, fromMemory: 2 })
    // The title and the quote are approved segments; the summary and the other paragraphs are not.
    expect(deepl.translatedTexts(before).sort()).toEqual(['全新的一段', '带上现金。', '新喀里多尼亚上网指南：微信和支付宝在新喀里多尼亚'].sort())
    const target = await readDraft(other, 'fr')
    expect(target.title).toBe('[fr] Nouvelle-Calédonie上网指南')
    expect(texts(target.body!.root)).toEqual(['[fr] 带上现金。', '[fr] 一定要带上现金。', '[fr] 全新的一段'])
  })

  it('a changed glossary is synced: a new DeepL glossary replaces the old one', async () => {
    const before = deepl.requests.length
    const oldIds = [...deepl.glossaries.keys()]
    await db.payload.create({ collection: 'glossary', data: { zh: '现金', en: 'cash', fr: 'espèces' } })
    const fresh = await createArticle('现金')
    expect((await machineTranslate(fresh, 'fr')).status).toBe(200)
    const created = deepl.requests.slice(before).filter((request) => request.method === 'POST' && request.path === '/v2/glossaries')
    expect(created).toHaveLength(1)
    expect(created[0]!.form.get('entries')).toContain('现金\tespèces')
    const deleted = deepl.requests.slice(before).filter((request) => request.method === 'DELETE').map((request) => request.path)
    expect(deleted).toEqual(oldIds.filter((glossaryId) => deepl.glossaries.get(glossaryId) === undefined).map((glossaryId) => `/v2/glossaries/${glossaryId}`))
    expect([...deepl.glossaries.values()].filter((glossary) => glossary.target_lang === 'fr')).toHaveLength(1)
    expect((await readDraft(fresh, 'fr')).title).toBe('[fr] espèces')

    // Unchanged terms: the glossary is found by its name, not created again.
    const reuse = deepl.requests.length
    expect((await machineTranslate(await createArticle('再来一次'), 'fr')).status).toBe(200)
    expect(deepl.requests.slice(reuse).filter((request) => request.method === 'POST' && request.path === '/v2/glossaries')).toHaveLength(0)
  })
})

describe('the translation memory', () => {
  it('approving a translation of a document that repeats a segment saves, with one entry for the segment', async () => {
    const repeated = '出发前请再核实一次。'
    const id = await createArticle('重复的句子', root([paragraph([text(repeated)]), paragraph([text('中间的一段。')]), paragraph([text(repeated)])]))
    const frenchBody = root([paragraph([text('Vérifiez avant de partir.')]), paragraph([text('Un paragraphe au milieu.')]), paragraph([text('Vérifiez avant de partir.')])])
    const approve = await fetch(`${api.url}/api/articles/${id}?locale=fr&draft=true`, {
      method: 'PATCH',
      headers: json(headers.editor),
      body: JSON.stringify({ title: 'Phrases répétées', summary: 'Une phrase répétée', body: frenchBody, translation: { status: 'done' } }),
    })
    // Before: the repeated segment was created twice in the memory, breaking its uniqueness: 400.
    expect(approve.status, await approve.clone().text()).toBe(200)
    const { docs } = await db.payload.find({ collection: 'translation-memory', where: { origin: { equals: `articles/${id}` } }, limit: 50, depth: 0 })
    const sources = docs.map((doc) => JSON.stringify((doc as { source?: unknown }).source))
    expect(sources.filter((source) => source.includes(repeated))).toHaveLength(1)
    expect(new Set(sources).size).toBe(sources.length)
  })
})
