import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lagonCommand, run } from '@/cli/processes'
import { localeCodes, locales } from '@/lib/locales'
import { translatedCollections } from '@/translation/documents'
import { translationStatuses, type TranslationStatus } from '@/translation/statuses'

import { login, startApiServer } from './helpers/apiServer'
import { errorPaths, json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

/** Every locale but the source is a translation's target. */
const targetLocaleCount = localeCodes.length - 1
const convertedLocales = new Set<string>(locales.filter((locale) => locale.conversion).map((locale) => locale.code))

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let staff: Awaited<ReturnType<typeof createStaff>>
let headers: Record<'admin' | 'editor' | 'translator', Record<string, string>>

beforeAll(async () => {
  db = await startPayload('seeded')
  api = await startApiServer()
  staff = await createStaff(db.payload)
  headers = {
    admin: await login(api.url, 'admin@lagon.test', password),
    editor: await login(api.url, 'editor@lagon.test', password),
    translator: await login(api.url, 'translator@lagon.test', password),
  }
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const paragraphs = (...texts: string[]) => ({
  root: {
    type: 'root',
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
    children: texts.map((text) => ({
      type: 'paragraph',
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      version: 1,
      textFormat: 0,
      children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
    })),
  },
})

type Report = {
  counts: Record<TranslationStatus, number>
  rows: { collection: string; id: number; locale: string; status: TranslationStatus; assignee: number | null }[]
}
type Detail = { status: TranslationStatus; changes: { path: string; before: string; after: string; parts: { type: string; text: string }[] }[] }

const report = async (query: Record<string, string> = {}, auth = headers.editor) => {
  const response = await fetch(`${api.url}/api/translations/status?${new URLSearchParams(query)}`, { headers: auth })
  expect(response.status).toBe(200)
  return (await response.json()) as Report
}

const detail = async (collection: string, id: number, locale: string) => {
  const response = await fetch(`${api.url}/api/translations/${collection}/${id}/${locale}`, { headers: headers.editor })
  expect(response.status).toBe(200)
  return (await response.json()) as Detail
}

const statusOf = async (collection: string, id: number, locale: string) => (await detail(collection, id, locale)).status

/** A translated article: zh source, en and fr marked as the status given, by the editor, over REST. */
const translatedArticle = async (title: string, status: 'needs-review' | 'done' = 'done') => {
  const article = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: {
      title,
      summary: '在努美阿买 SIM 卡的办法。',
      body: paragraphs('第一段：机场有柜台。', '第二段：带上护照。'),
      destination: 'NC',
      _status: 'published',
    },
  })
  const translations = {
    en: { title: `${article.id} EN`, summary: 'How to buy a SIM card in Nouméa.', body: paragraphs('First: the airport has a desk.') },
    fr: { title: `${article.id} FR`, summary: 'Acheter une carte SIM à Nouméa.', body: paragraphs('D’abord : un guichet à l’aéroport.') },
  }
  for (const [locale, data] of Object.entries(translations)) {
    const response = await fetch(`${api.url}/api/articles/${article.id}?locale=${locale}`, {
      method: 'PATCH',
      headers: json(headers.editor),
      body: JSON.stringify({ ...data, translation: { status } }),
    })
    expect(response.status, await response.clone().text()).toBe(200)
  }
  return article.id
}

const editSource = (id: number, data: Record<string, unknown>, draft = false) =>
  fetch(`${api.url}/api/articles/${id}?locale=zh${draft ? '&draft=true' : ''}`, {
    method: 'PATCH',
    headers: json(headers.editor),
    body: JSON.stringify(data),
  })

describe('the seeded guide', () => {
  it('is done in every target locale of every article, carrier and tip', async () => {
    const { rows, counts } = await report()
    const documents = await Promise.all(translatedCollections.map((collection) => db.payload.count({ collection })))
    const expected = documents.reduce((sum, { totalDocs }) => sum + totalDocs, 0) * targetLocaleCount
    expect(rows).toHaveLength(expected)
    const isConverted = (row: { locale: string }) => convertedLocales.has(row.locale)
    expect(new Set(rows.filter((row) => !isConverted(row)).map((row) => row.status))).toEqual(new Set(['done']))
    // zh-Hant is the conversion every save of the source makes (needs review); the guide's was reviewed and published by the seed.
    expect(new Set(rows.filter(isConverted).map((row) => row.status))).toEqual(new Set(['needs-review', 'done']))
    expect(rows.filter((row) => isConverted(row) && row.collection === 'articles').map((row) => row.status)).toEqual(['done'])
    expect(counts.done + counts['needs-review']).toBe(expected)
  })
})

describe('the workflow state', () => {
  it('is for staff: readers get neither the translation state nor the source fingerprint, in any locale', async () => {
    const read = async (query: string, headers: Record<string, string> = {}) =>
      ((await (await fetch(`${api.url}/api/articles?${query}&limit=1&depth=0`, { headers })).json()) as { docs: Record<string, unknown>[] }).docs[0]!
    for (const query of ['locale=en', 'locale=all']) {
      const reader = await read(query)
      expect(reader.title, query).toBeTruthy()
      expect(reader, query).not.toHaveProperty('translation')
      expect(reader, query).not.toHaveProperty('sourceFingerprint')
    }
    const staff = await read('locale=en', headers.editor)
    expect(staff.translation).toMatchObject({ status: 'done', sourceSnapshot: expect.any(Object) })
    expect(staff.sourceFingerprint).toEqual(expect.any(String))
  })
})

describe('outdated translations', () => {
  it('a source edit marks en and fr outdated, and the diff names the changed text', async () => {
    const id = await translatedArticle('努美阿的 SIM 卡')
    expect(await statusOf('articles', id, 'en')).toBe('done')
    expect(await statusOf('articles', id, 'fr')).toBe('done')

    const response = await editSource(id, { summary: '在努美阿机场买 eSIM 卡的办法。' })
    expect(response.status).toBe(200)
    for (const locale of ['en', 'fr']) {
      const { status, changes } = await detail('articles', id, locale)
      expect(status).toBe('outdated')
      expect(changes.map((change) => change.path)).toEqual(['summary'])
      const [change] = changes
      expect(change!.before).toBe('在努美阿买 SIM 卡的办法。')
      expect(change!.after).toBe('在努美阿机场买 eSIM 卡的办法。')
      const added = change!.parts.filter((part) => part.type === 'added').map((part) => part.text)
      const removed = change!.parts.filter((part) => part.type === 'removed').map((part) => part.text)
      expect(added).toEqual(['机场', 'eSIM'])
      expect(removed).toEqual(['SIM'])
    }
  })

  it('compares rich text as plain text, block by block', async () => {
    const id = await translatedArticle('努美阿的正文')
    await editSource(id, { body: paragraphs('第一段：机场有柜台。', '第二段：带上护照和现金。') })
    const { changes } = await detail('articles', id, 'fr')
    expect(changes.map((change) => change.path)).toEqual(['body'])
    expect(changes[0]!.parts.filter((part) => part.type !== 'equal')).toEqual([{ type: 'added', text: '和现金' }])
  })

  it('an autosaved draft of the source counts as an edit', async () => {
    const id = await translatedArticle('草稿也算')
    expect((await editSource(id, { title: '草稿也算数' }, true)).status).toBe(200)
    expect(await statusOf('articles', id, 'en')).toBe('outdated')
  })

  it('a minor edit leaves translations current', async () => {
    const id = await translatedArticle('小修改')
    expect((await editSource(id, { summary: '在努美阿买 SIM 卡的方法。', minorEdit: true })).status).toBe(200)
    expect(await statusOf('articles', id, 'en')).toBe('done')
    expect(await statusOf('articles', id, 'fr')).toBe('done')
    // The box is not stored: the next edit counts again.
    expect((await editSource(id, { summary: '在努美阿买 eSIM 的方法。' })).status).toBe(200)
    expect(await statusOf('articles', id, 'en')).toBe('outdated')
  })

  it('a save of the source that changes no text leaves translations current', async () => {
    const id = await translatedArticle('不改文字')
    expect((await editSource(id, { lastVerified: '2026-11-01T00:00:00.000Z' })).status).toBe(200)
    expect(await statusOf('articles', id, 'en')).toBe('done')
  })

  it('re-translating clears outdated; re-saving without touching text or status does not', async () => {
    const id = await translatedArticle('重新翻译')
    await editSource(id, { title: '重新翻译了' })
    const patch = (locale: string, data: Record<string, unknown>, auth = headers.editor) =>
      fetch(`${api.url}/api/articles/${id}?locale=${locale}`, { method: 'PATCH', headers: json(auth), body: JSON.stringify(data) })

    // Same text, same status, a new assignee, and the stored record sent back as the admin form
    // does; even one with the document's current fingerprint (a form opened before a save).
    const { translation } = await db.payload.findByID({ collection: 'articles', id, locale: 'en', depth: 0 })
    const { sourceFingerprint } = await db.payload.findByID({ collection: 'articles', id, depth: 0 })
    const resave = await patch('en', { translation: { ...translation, status: 'done', assignee: staff.translator.id } })
    expect(resave.status).toBe(200)
    expect(await statusOf('articles', id, 'en')).toBe('outdated')
    const stale = { ...translation, sourceFingerprint, translatedAt: '2020-01-01T00:00:00.000Z' }
    expect((await patch('en', { translation: stale })).status).toBe(200)
    expect(await statusOf('articles', id, 'en')).toBe('outdated')

    // The translator (of fr) updates the text and asks for review.
    expect((await patch('fr', { title: `${id} FR, retraduit`, translation: { status: 'needs-review' } }, headers.translator)).status).toBe(200)
    expect(await statusOf('articles', id, 'fr')).toBe('needs-review')
    expect((await detail('articles', id, 'fr')).changes).toEqual([])
    expect(await statusOf('articles', id, 'en')).toBe('outdated')

    // Changing only the status (done → needs-review) re-records too: the reviewer says it still fits.
    expect((await patch('en', { translation: { status: 'needs-review' } })).status).toBe(200)
    expect(await statusOf('articles', id, 'en')).toBe('needs-review')
  })
})

describe('a record sent with the save', () => {
  it('is kept when it is new: machine translation and XLIFF import record the source they worked from', async () => {
    const id = await translatedArticle('显式记录')
    await editSource(id, { summary: '新的摘要。' })
    const { sourceFingerprint } = await db.payload.findByID({ collection: 'articles', id, depth: 0 })
    // Made from the current source: current.
    await db.payload.update({
      collection: 'articles',
      id,
      locale: 'en',
      data: { translation: { status: 'needs-review', sourceFingerprint, translatedAt: new Date().toISOString() } },
    })
    expect(await statusOf('articles', id, 'en')).toBe('needs-review')
    // Made from an older source: outdated, even though the status changed.
    await db.payload.update({
      collection: 'articles',
      id,
      locale: 'fr',
      data: { translation: { status: 'needs-review', sourceFingerprint: 'an-older-source', translatedAt: new Date().toISOString() } },
    })
    expect(await statusOf('articles', id, 'fr')).toBe('outdated')
  })
})

describe('who sets which status', () => {
  it('a translator cannot set done, and the error names the field; an editor can', async () => {
    const id = await translatedArticle('译者不能批准', 'needs-review')
    const response = await fetch(`${api.url}/api/articles/${id}?locale=fr`, {
      method: 'PATCH',
      headers: json(headers.translator),
      body: JSON.stringify({ translation: { status: 'done' } }),
    })
    // Refused by the translator guard, which decides everything a translator may change.
    expect(response.status).toBe(403)
    const refusal = await response.json()
    expect(errorPaths(refusal)).toContain('translation.status')
    // The message says what a translator may set, not that the field is shared.
    expect(JSON.stringify(refusal)).toContain('in-progress or needs-review')
    // Nor as a draft (drafts skip validation, not this rule).
    const draft = await fetch(`${api.url}/api/articles/${id}?locale=fr&draft=true`, {
      method: 'PATCH',
      headers: json(headers.translator),
      body: JSON.stringify({ translation: { status: 'done' } }),
    })
    expect(draft.status).toBe(403)
    expect(await statusOf('articles', id, 'fr')).toBe('needs-review')

    const editor = await fetch(`${api.url}/api/articles/${id}?locale=fr`, {
      method: 'PATCH',
      headers: json(headers.editor),
      body: JSON.stringify({ translation: { status: 'done' } }),
    })
    expect(editor.status).toBe(200)
    expect(await statusOf('articles', id, 'fr')).toBe('done')
  })
})

describe('GET /api/translations/status', () => {
  it('is for staff only', async () => {
    expect((await fetch(`${api.url}/api/translations/status`)).status).toBe(401)
    expect((await fetch(`${api.url}/api/translations/articles/1/en`)).status).toBe(401)
    expect((await fetch(`${api.url}/api/translations/status`, { headers: headers.translator })).status).toBe(200)
  })

  it('refuses an unknown filter value, naming the parameter', async () => {
    for (const [key, value] of [['collection', 'media'], ['locale', 'de'], ['status', 'lost'], ['assignee', 'bob']]) {
      const response = await fetch(`${api.url}/api/translations/status?${key}=${value}`, { headers: headers.editor })
      expect(response.status).toBe(400)
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(new RegExp(`^${key}:`))
    }
  })

  it('counts and filters by collection, locale, status and assignee', async () => {
    const assignee = await db.payload.create({
      collection: 'users',
      data: { email: 'assignee@lagon.test', password, name: 'assignee', role: 'translator', locales: ['en', 'fr'] },
    })
    // Known data: three tips assigned to one translator in some locales, in known states.
    const tip = async (title: string) =>
      (await db.payload.create({ collection: 'tips', locale: 'zh', data: { title, destination: 'NC', category: 'other' } })).id
    const untouched = await tip('未翻译的小贴士')
    const started = await tip('翻译中的小贴士')
    const reviewed = await tip('待审校的小贴士')
    const assign = (id: number, locale: 'en' | 'fr', data: Record<string, unknown>) =>
      db.payload.update({ collection: 'tips', id, locale, data: { ...data, translation: { ...(data.translation as object), assignee: assignee.id } } })
    await assign(untouched, 'en', {})
    await assign(started, 'en', { title: 'Tip being translated' })
    await assign(started, 'fr', { title: 'Conseil en cours', translation: { status: 'in-progress' } })
    await assign(reviewed, 'fr', { title: 'Conseil à relire', translation: { status: 'needs-review' } })
    await db.payload.update({ collection: 'tips', id: reviewed, locale: 'zh', data: { title: '待审校的小贴士（新）' } })

    const expected: { id: number; locale: string; status: TranslationStatus }[] = [
      { id: untouched, locale: 'en', status: 'missing' },
      { id: started, locale: 'en', status: 'in-progress' },
      { id: started, locale: 'fr', status: 'in-progress' },
      { id: reviewed, locale: 'fr', status: 'outdated' },
    ]
    const key = (row: { id: number; locale: string }) => `${row.id}/${row.locale}`
    const expectedCounts = (rows: typeof expected) =>
      Object.fromEntries(translationStatuses.map((status) => [status, rows.filter((row) => row.status === status).length]))

    const mine = await report({ assignee: String(assignee.id) })
    expect(mine.rows.map((row) => ({ id: row.id, locale: row.locale, status: row.status }))).toEqual(
      expect.arrayContaining(expected),
    )
    expect(mine.rows).toHaveLength(expected.length)
    expect(mine.counts).toEqual(expectedCounts(expected))

    const french = await report({ assignee: String(assignee.id), locale: 'fr' })
    expect(french.rows.map(key).sort()).toEqual(expected.filter((row) => row.locale === 'fr').map(key).sort())
    expect(french.counts).toEqual(expectedCounts(expected.filter((row) => row.locale === 'fr')))

    const inProgress = await report({ assignee: String(assignee.id), status: 'in-progress' })
    expect(inProgress.rows.map(key).sort()).toEqual(expected.filter((row) => row.status === 'in-progress').map(key).sort())
    // The counts ignore the status filter: they tell what each status would show.
    expect(inProgress.counts).toEqual(expectedCounts(expected))

    expect((await report({ assignee: String(assignee.id), collection: 'articles' })).rows).toEqual([])

    const tipsOnly = await report({ collection: 'tips' })
    expect(new Set(tipsOnly.rows.map((row) => row.collection))).toEqual(new Set(['tips']))
    expect(tipsOnly.rows).toHaveLength((await db.payload.count({ collection: 'tips' })).totalDocs * targetLocaleCount)

    // Unassigned: every tip row but the assigned ones.
    const unassigned = await report({ collection: 'tips', assignee: 'none' })
    expect(unassigned.rows).toHaveLength(tipsOnly.rows.length - expected.length)
  })
})

describe('the report on a few hundred documents', () => {
  type Page = Report & { page: number; totalRows: number; totalPages: number }
  const key = (row: { collection: string; id: number; locale: string }) => `${row.collection}/${row.id}/${row.locale}`

  beforeAll(async () => {
    const { code, output } = await run(
      ...lagonCommand('seed-scale', '--articles', '150', '--carriers', '20', '--tips', '30'),
      { ...process.env, DATABASE_URL: db.databaseUrl },
      { quiet: true, timeoutMs: 170_000 },
    )
    expect(code, output).toBe(0)
  }, 180_000)

  it('comes one bounded page at a time, every row once, with counts over all of them', async () => {
    const documents = (await Promise.all(translatedCollections.map((collection) => db.payload.count({ collection })))).reduce(
      (sum, { totalDocs }) => sum + totalDocs,
      0,
    )
    expect(documents).toBeGreaterThan(200)
    const first = (await report({ limit: '100' })) as Page
    expect(first.totalRows).toBe(documents * targetLocaleCount)
    expect(Object.values(first.counts).reduce((sum, count) => sum + count, 0)).toBe(first.totalRows)
    expect(first.totalPages).toBe(Math.ceil(first.totalRows / 100))
    const seen = new Set<string>()
    for (let page = 1; page <= first.totalPages; page += 1) {
      const { rows } = (await report({ limit: '100', page: String(page) })) as Page
      expect(rows.length).toBeLessThanOrEqual(100)
      for (const row of rows) seen.add(key(row))
    }
    expect(seen.size).toBe(first.totalRows)
    // Past the last page: no rows, not an error.
    expect(((await report({ limit: '100', page: String(first.totalPages + 1) })) as Page).rows).toEqual([])
  })

  it('decides each status as the per-translation rule does, also through a status filter', async () => {
    const { counts } = await report({ collection: 'articles' })
    for (const status of translationStatuses.filter((each) => counts[each] > 0)) {
      const { rows, totalRows } = (await report({ collection: 'articles', status, limit: '7' })) as Page
      expect(totalRows).toBe(counts[status])
      expect(rows.length).toBe(Math.min(7, counts[status]))
      for (const row of rows) expect(await statusOf(row.collection, row.id, row.locale), key(row)).toBe(status)
    }
    // The synthetic guides have both untranslated and translated locales.
    expect(counts.missing).toBeGreaterThan(0)
    expect(counts.missing).toBeLessThan(Object.values(counts).reduce((sum, count) => sum + count, 0))
  })

  it('refuses a page or limit that is not one, naming the parameter', async () => {
    for (const [name, value] of [['page', '0'], ['page', 'x'], ['limit', '1000'], ['limit', '0']]) {
      const response = await fetch(`${api.url}/api/translations/status?${name}=${value}`, { headers: headers.editor })
      expect(response.status).toBe(400)
      expect(JSON.stringify(await response.json())).toContain(`${name}:`)
    }
  })
})
