import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { negotiateLocale } from '@/site/negotiate'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

/**
 * Traditional Chinese made from the Simplified source by OpenCC conversion, as a machine provider
 * of the translation workflow: every save of the zh source converts what needs it into a
 * needs-review zh-Hant draft, on a real database through the real REST and GraphQL APIs.
 */

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let editor: Record<string, string>

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})
const richBody = () => ({
  root: block('root', [
    block('heading', [text('软件下载')], { tag: 'h2' }),
    block('paragraph', [
      text('用'),
      text('支付宝', 1),
      text('付款，'),
      block('link', [text('查看信息')], { fields: { url: 'https://example.com/xinxi', newTab: false, linkType: 'custom' } }),
      text('；命令'),
      text('软件 信息', 16),
      text('。'),
    ], { textFormat: 0, textStyle: '' }),
    block('list', [block('listitem', [text('出租车和自行车')], { value: 1 }), block('listitem', [text('网络视频')], { value: 2 })], {
      listType: 'bullet',
      start: 1,
      tag: 'ul',
    }),
  ]),
})

const draftIn = async (collection: string, id: number, locale: string) =>
  (await db.payload.findByID({ collection: collection as 'tips', id, locale: locale as 'zh', draft: true, fallbackLocale: false, depth: 0 })) as unknown as Record<
    string,
    unknown
  > & { title?: string; body?: unknown; translation?: { status?: string; machineProvider?: string; sourceFingerprint?: string } }

const statusOf = async (collection: string, id: number, locale: string) => {
  const response = await fetch(`${api.url}/api/translations/${collection}/${id}/${locale}`, { headers: editor })
  expect(response.status, await response.clone().text()).toBe(200)
  return ((await response.json()) as { status: string }).status
}

const createTip = async (title: string, body?: unknown) => {
  const response = await fetch(`${api.url}/api/tips?locale=zh`, {
    method: 'POST',
    headers: json(editor),
    body: JSON.stringify({ title, ...(body ? { body } : {}), destination: 'NC', category: 'apps', _status: 'published' }),
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { doc: { id: number } }).doc.id
}

const patch = (path: string, body: Record<string, unknown>) =>
  fetch(`${api.url}${path}`, { method: 'PATCH', headers: json(editor), body: JSON.stringify(body) })

const textsOf = (node: unknown): string[] => {
  if (!node || typeof node !== 'object') return []
  const record = node as { type?: string; text?: string; children?: unknown[]; root?: unknown }
  if (record.type === 'text') return [record.text ?? '']
  return [...textsOf(record.root), ...(record.children ?? []).flatMap(textsOf)]
}

/** The node tree without its words: what conversion must leave as it is. */
const shape = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(shape)
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'text' ? '…' : shape(value)]))
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

describe('converting Simplified into Traditional Chinese', () => {
  it('makes a needs-review zh-Hant draft marked as converted when the source is saved: 软件 → 軟體, 信息 → 資訊, 支付宝 → 支付寶', async () => {
    const id = await createTip('软件和信息：支付宝')
    const draft = await draftIn('tips', id, 'zh-Hant')
    expect(draft.title).toBe('軟體和資訊：支付寶')
    expect(draft.translation?.status).toBe('needs-review')
    expect(draft.translation?.machineProvider).toBe('opencc')
    expect(await statusOf('tips', id, 'zh-Hant')).toBe('needs-review')
    // A draft: readers get no zh-Hant text until someone publishes it.
    const anonymous = await fetch(`${api.url}/api/tips/${id}?locale=zh-Hant&fallback-locale=none&depth=0`)
    expect(JSON.stringify(await anonymous.json())).not.toContain('軟體')
    // The other target locales are not converted.
    expect((await draftIn('tips', id, 'en')).title ?? null).toBeNull()
  })

  it('converts rich text node by node: the structure, formats, link and inline code kept', async () => {
    const body = richBody()
    const id = await createTip('富文本', body)
    const converted = (await draftIn('tips', id, 'zh-Hant')).body
    expect(shape(converted)).toEqual(shape((await draftIn('tips', id, 'zh')).body))
    expect(textsOf(converted)).toEqual(['軟體下載', '用', '支付寶', '付款，', '檢視資訊', '；命令', '软件 信息', '。', '計程車和腳踏車', '網路影片'])
  })

  it('writes glossary terms as the glossary says, not as OpenCC would', async () => {
    await db.payload.create({ collection: 'glossary', data: { zh: '视频', en: 'video', fr: 'vidéo', zh_Hant: '視頻' } as never })
    const id = await createTip('网络视频和视频号')
    expect((await draftIn('tips', id, 'zh-Hant')).title).toBe('網路視頻和視頻號')
  })

  it('converts again when the source changes, and keeps a field a person edited', async () => {
    const id = await createTip('出租车信息', richBody())
    const first = await draftIn('tips', id, 'zh-Hant')
    expect(first.title).toBe('計程車資訊')

    // A person corrects the title in zh-Hant and marks it done.
    const edited = await patch(`/api/tips/${id}?locale=zh-Hant`, { title: '計程車資訊（已校對）', translation: { status: 'done' }, _status: 'draft' })
    expect(edited.status, await edited.clone().text()).toBe(200)
    expect(await statusOf('tips', id, 'zh-Hant')).toBe('done')

    // The source changes: both fields.
    const body = richBody()
    ;(body.root.children[0] as { children: { text: string }[] }).children[0]!.text = '软件更新'
    const changed = await patch(`/api/tips/${id}?locale=zh`, { title: '出租车和地铁信息', body })
    expect(changed.status, await changed.clone().text()).toBe(200)

    const second = await draftIn('tips', id, 'zh-Hant')
    expect(textsOf(second.body)[0]).toBe('軟體更新')
    expect(second.title).toBe('計程車資訊（已校對）')
    expect(second.translation?.status).toBe('needs-review')
    // The kept title was made from the older source: the translation reads outdated until someone updates it.
    expect(await statusOf('tips', id, 'zh-Hant')).toBe('outdated')

    // A minor edit of the source converts nothing.
    const before = await draftIn('tips', id, 'zh-Hant')
    const minor = await patch(`/api/tips/${id}?locale=zh`, { title: '出租车和地铁的信息', minorEdit: true })
    expect(minor.status).toBe(200)
    expect((await draftIn('tips', id, 'zh-Hant')).body).toEqual(before.body)
  })

  it('converts nothing on an autosave, and what autosaves changed on the next save', async () => {
    const id = await createTip('打印机')
    const autosave = await fetch(`${api.url}/api/tips/${id}?locale=zh&draft=true&autosave=true`, {
      method: 'PATCH',
      headers: json(editor),
      body: JSON.stringify({ title: '打印机和鼠标' }),
    })
    expect(autosave.status, await autosave.clone().text()).toBe(200)
    expect((await draftIn('tips', id, 'zh-Hant')).title).toBe('印表機')
    expect(await statusOf('tips', id, 'zh-Hant')).toBe('outdated')
    const saved = await fetch(`${api.url}/api/tips/${id}?locale=zh&draft=true`, {
      method: 'PATCH',
      headers: json(editor),
      body: JSON.stringify({ title: '打印机和鼠标' }),
    })
    expect(saved.status).toBe(200)
    expect((await draftIn('tips', id, 'zh-Hant')).title).toBe('印表機和滑鼠')
    expect(await statusOf('tips', id, 'zh-Hant')).toBe('needs-review')
  })

  it('publishes zh-Hant alone, like any locale; the published text stays until the next publish', async () => {
    const id = await createTip('支付宝信息')
    const published = await patch(`/api/tips/${id}?locale=zh-Hant`, { translation: { status: 'done' }, _status: 'published' })
    expect(published.status, await published.clone().text()).toBe(200)
    const client = new pg.Client({ connectionString: db.databaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query(`select _locale, _status from tips_locales where _parent_id = $1`, [id])
      const statuses = Object.fromEntries(rows.map((row) => [row._locale as string, row._status as string]))
      expect(statuses['zh-Hant']).toBe('published')
      expect(statuses.en ?? 'draft').toBe('draft')
    } finally {
      await client.end()
    }
    const read = async () => (await (await fetch(`${api.url}/api/tips/${id}?locale=zh-Hant&depth=0`)).json()) as { title?: string }
    expect((await read()).title).toBe('支付寶資訊')

    // The source changes: a new converted draft, the readers' zh-Hant unchanged until it is published.
    expect((await patch(`/api/tips/${id}?locale=zh`, { title: '支付宝软件' })).status).toBe(200)
    expect((await draftIn('tips', id, 'zh-Hant')).title).toBe('支付寶軟體')
    expect((await read()).title).toBe('支付寶資訊')

    const graphql = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ query: `{ Tip(id: ${id}, locale: zh_Hant) { title } }` }),
    })
    expect(((await graphql.json()) as { data: { Tip: { title: string } } }).data.Tip.title).toBe('支付寶資訊')

    // Readers' search finds the published zh-Hant text, by Traditional or Simplified words.
    for (const q of ['支付寶', '支付宝']) {
      const search = await fetch(`${api.url}/api/search?locale=zh-Hant&q=${encodeURIComponent(q)}`)
      expect(search.status).toBe(200)
      const { docs } = (await search.json()) as { docs: { id: number; locale: string; title: string }[] }
      expect(docs.find((doc) => doc.id === id)).toMatchObject({ locale: 'zh-Hant', title: '支付寶資訊' })
    }
  })

  it('is the machine-translation endpoint into zh-Hant, with no DeepL key', async () => {
    const id = await createTip('数据漫游')
    const status = await fetch(`${api.url}/api/machine-translation?locale=zh-Hant`, { headers: editor })
    expect(await status.json()).toMatchObject({ configured: true, provider: 'opencc' })
    const response = await fetch(`${api.url}/api/tips/${id}/machine-translate?locale=zh-Hant`, { method: 'POST', headers: editor })
    expect(response.status, await response.clone().text()).toBe(200)
    // Already converted by the save: nothing is sent again.
    expect(await response.json()).toMatchObject({ provider: 'opencc', sent: 0 })
    const fr = await fetch(`${api.url}/api/tips/${id}/machine-translate?locale=fr`, { method: 'POST', headers: editor })
    expect(fr.status).toBe(503)
  })
})

describe('the admin in Traditional Chinese', () => {
  it('speaks Payload\'s zh-TW, and Lagon\'s labels in it are Traditional', async () => {
    const config = db.payload.config
    expect(Object.keys(config.i18n.supportedLanguages ?? {})).toContain('zh-TW')
    const label = (collection: 'tips' | 'glossary', language: string) => {
      const labels = config.collections.find((entry) => entry.slug === collection)!.labels.plural
      return typeof labels === 'function' ? (labels as (args: unknown) => string)({ i18n: { language } }) : labels
    }
    // From the message files: written in Traditional.
    expect(label('tips', 'zh-TW')).toBe('小提示')
    expect(label('tips', 'zh')).toBe('小贴士')
    expect(label('glossary', 'zh-TW')).toBe('術語表')
  })
})

describe('readers of Traditional Chinese', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK,en;q=0.5', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-CN', 'zh'],
    ['zh-Hans-HK', 'zh'],
    ['zh', 'zh'],
  ])('Accept-Language %s goes to %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale)
  })
})
