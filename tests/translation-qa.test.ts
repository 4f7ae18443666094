/**
 * Translation QA in the running CMS: findings stored on each save of a locale, a translation with
 * errors refused publication unless an editor gives a reason (recorded), translators unable to
 * override, and the findings in the dashboard's data, the status API and XLIFF exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as lexical from '@/import/lexicalNodes'
import { translationReport } from '@/translation/report'
import type { Finding } from '@/translation/qa/types'

import { startApiServer } from './helpers/apiServer'
import { errorPaths, json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, staffHeaders } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let staff: Awaited<ReturnType<typeof createStaff>>
let headers: Awaited<ReturnType<typeof staffHeaders>>
let articleId: number

const guide = 'https://www.mofcom.gov.cn/guide/card-fees.html'
const body = (first: string, link: string | null, second: string) =>
  lexical.root([
    lexical.paragraph([lexical.text(first), ...(link ? [lexical.link(guide, [lexical.text(link)])] : [])]),
    lexical.paragraph([lexical.text(second)]),
  ])

const frenchOk = () =>
  body(
    'Au-delà de 200\u00a0CNY par transaction, des frais de 3\u00a0% s’appliquent à tout le montant en Nouvelle-Calédonie. ',
    'Guide du ministère',
    'La Tourism card de Mobilis est valable trois mois.',
  )

type Stored = {
  _status?: string
  translation?: { qaErrors?: number; qaWarnings?: number; qaFindings?: Finding[]; qaOverride?: Record<string, unknown> | null }
}
const stored = async (locale: 'zh' | 'en' | 'fr') =>
  (await db.payload.findByID({ collection: 'articles', id: articleId, locale, fallbackLocale: false, draft: true, depth: 0 })) as unknown as Stored

const patch = (locale: string, data: Record<string, unknown>, auth: Record<string, string>, query = '') =>
  fetch(`${api.url}/api/articles/${articleId}?locale=${locale}${query}`, { method: 'PATCH', headers: json(auth), body: JSON.stringify(data) })

const publishedLocales = async () => {
  const doc = (await db.payload.findByID({ collection: 'articles', id: articleId, locale: 'all', depth: 0, draft: false })) as unknown as {
    _status: Record<string, string>
  }
  return Object.entries(doc._status).filter(([, status]) => status === 'published').map(([locale]) => locale).sort()
}

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  staff = await createStaff(db.payload)
  headers = await staffHeaders(api.url)
  await db.payload.create({ collection: 'glossary', data: { zh: '新喀里多尼亚', en: 'New Caledonia', fr: 'Nouvelle-Calédonie' } })
  await db.payload.create({ collection: 'glossary', data: { zh: 'Mobilis', en: 'Mobilis', doNotTranslate: true } })
  const article = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: {
      title: '新喀里多尼亚的刷卡手续费',
      body: body('在新喀里多尼亚，单笔交易超过 200 元时，按全额收取 3% 的手续费。', '商务部指南', 'Mobilis 的旅游卡有效期 3 个月。') as never,
      destination: 'NC',
      lastVerified: '2020-01-01',
      sources: [{ title: 'Guide', publisher: 'MOFCOM', url: guide, date: '2024-03-07' }],
      _status: 'published',
    },
  })
  articleId = article.id as number
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

describe('on save', () => {
  it('stores the locale’s findings, per field and segment, draft saves included', async () => {
    const changed = body('Au-delà de 300\u00a0CNY, des frais de 3\u00a0% en Nouvelle-Calédonie. ', 'Guide', 'La Tourism card de Mobilis est valable trois mois.')
    const response = await patch('fr', { title: 'Les frais de carte en Nouvelle-Calédonie', body: changed }, headers.editor, '&draft=true')
    expect(response.status).toBe(200)
    const { translation } = await stored('fr')
    expect(translation?.qaErrors).toBe(1)
    expect(translation?.qaFindings).toEqual([
      expect.objectContaining({ code: 'number-mismatch', severity: 'error', locale: 'fr', path: 'body', segment: 'body:0' }),
    ])
    expect(translation?.qaFindings?.[0]?.message.fr).toContain('300')
  })

  it('stores the source locale’s own typography findings', async () => {
    await db.payload.update({ collection: 'articles', id: articleId, locale: 'zh', data: { summary: '以 "Helia" 的名称对外。' } })
    const { translation } = await stored('zh')
    expect(translation?.qaFindings?.map((finding) => finding.code)).toEqual(['zh-ascii-quotes'])
    expect(translation?.qaErrors).toBe(0)
  })
})

describe('publishing', () => {
  it('refuses to publish a locale with errors (400 naming the override reason), and publishes nothing', async () => {
    const response = await patch('fr', { _status: 'published' }, headers.editor)
    expect(response.status).toBe(400)
    const answer = await response.json()
    expect(errorPaths(answer)).toContain('translation.qaOverrideReason')
    expect(JSON.stringify(answer)).toContain('number-mismatch')
    expect(await publishedLocales()).toEqual(['zh'])
  })

  it('lets no translator give a reason', async () => {
    const response = await patch('fr', { translation: { qaOverrideReason: 'Je sais ce que je fais.' } }, headers.translator, '&draft=true')
    expect(response.status).toBe(403)
    expect(errorPaths(await response.json())).toContain('translation.qaOverrideReason')
  })

  it('publishes when an editor gives a reason, recording who, when, why and which findings', async () => {
    const before = Date.now()
    const response = await patch('fr', { _status: 'published', translation: { qaOverrideReason: 'Tarif 2025 confirmé par téléphone.' } }, headers.editor)
    expect(response.status).toBe(200)
    expect(await publishedLocales()).toEqual(['fr', 'zh'])
    const override = (await stored('fr')).translation?.qaOverride as { reason: string; by: number; at: string; findings: string[] }
    expect(override.reason).toBe('Tarif 2025 confirmé par téléphone.')
    expect(override.by).toBe(staff.editor.id)
    expect(Date.parse(override.at)).toBeGreaterThanOrEqual(before - 1000)
    expect(override.findings).toEqual(['number-mismatch@body#body:0'])
  })

  it('an override covers the findings it named, not a new error', async () => {
    // The form sends the stored reason back: that is no new override.
    const dropped = body('Au-delà de 300\u00a0CNY, des frais de 3\u00a0% en Nouvelle-Calédonie.', null, 'La Tourism card de Mobilis est valable trois mois.')
    const response = await patch('fr', { body: dropped, _status: 'published', translation: { qaOverrideReason: 'Tarif 2025 confirmé par téléphone.' } }, headers.editor)
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('link-missing')
  })

  it('publishes a corrected translation without a reason', async () => {
    const response = await patch('fr', { body: frenchOk(), _status: 'published' }, headers.editor)
    expect(response.status).toBe(200)
    const { translation } = await stored('fr')
    expect(translation?.qaErrors).toBe(0)
  })

  it('publishing every locale at once is refused while one has errors', async () => {
    const english = body('Once a transaction exceeds CNY 200, a 3% fee applies to the whole amount in New Caledonia. ', 'Ministry guide', 'The MOBILIS Tourism card is valid for 3 months.')
    expect((await patch('en', { title: 'Card fees in New Caledonia', body: english }, headers.editor, '&draft=true')).status).toBe(200)
    const errors = (await stored('en')).translation?.qaFindings?.filter((finding) => finding.severity === 'error')
    expect(errors?.map((finding) => finding.code)).toEqual(['do-not-translate'])
    const response = await patch('zh', { _status: 'published' }, headers.editor, '&publishAllLocales=true')
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('en: 1 translation QA error')
    expect(await publishedLocales()).toEqual(['fr', 'zh'])
  })
})

describe('where findings show', () => {
  it('the dashboard’s data: a count per document and locale, filterable by has-errors, and needs re-verification', async () => {
    const all = await translationReport(db.payload, { collection: 'articles' })
    const row = (locale: string) => all.rows.find((candidate) => candidate.id === articleId && candidate.locale === locale)!
    expect(row('en').qa).toMatchObject({ errors: 1 })
    expect(row('fr').qa).toMatchObject({ errors: 0 })
    expect(row('en').needsReverification).toBe(true)
    const withErrors = await translationReport(db.payload, { collection: 'articles', qa: 'errors' })
    expect(withErrors.rows.map((candidate) => `${candidate.id}/${candidate.locale}`)).toEqual([`${articleId}/en`])
  })

  it('GET /api/translations/status: counts and findings per row, ?qa=errors, a bad value a 400 naming qa', async () => {
    const response = await fetch(`${api.url}/api/translations/status?collection=articles&qa=errors`, { headers: headers.editor })
    expect(response.status).toBe(200)
    const { rows } = (await response.json()) as { rows: { id: number; locale: string; qa: { errors: number; findings: Finding[] } }[] }
    expect(rows.map((row) => row.locale)).toEqual(['en'])
    expect(rows[0]!.qa.errors).toBe(1)
    expect(rows[0]!.qa.findings).toContainEqual(expect.objectContaining({ code: 'do-not-translate', path: 'body', segment: 'body:1' }))
    const bad = await fetch(`${api.url}/api/translations/status?qa=maybe`, { headers: headers.editor })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('qa:')
  })

  it('XLIFF exports carry them as notes with a category and a priority', async () => {
    const response = await fetch(`${api.url}/api/xliff/export?locale=en&collection=articles&ids=${articleId}`, { headers: headers.editor })
    expect(response.status).toBe(200)
    const xml = await response.text()
    const unit = xml.slice(xml.indexOf('<unit id="body:1"'), xml.indexOf('</unit>', xml.indexOf('<unit id="body:1"')))
    expect(unit).toMatch(/<note category="lagon:qa" priority="1" appliesTo="target">error do-not-translate: “Mobilis” is not translated/)
    const clean = xml.slice(xml.indexOf('<unit id="body:0"'), xml.indexOf('</unit>', xml.indexOf('<unit id="body:0"')))
    expect(clean).not.toContain('lagon:qa')
  })
})

describe('the glossary', () => {
  it('checks against a term from the save after it is written, and forgets it once deleted (the glossary kept between saves)', async () => {
    const glossaryFindings = async () => (await stored('fr')).translation?.qaFindings?.filter((finding) => finding.code === 'glossary-term') ?? []
    const saveFrench = () => patch('fr', { body: frenchOk() }, headers.editor, '&draft=true')
    expect((await saveFrench()).status).toBe(200)
    expect(await glossaryFindings()).toEqual([])
    const created = await fetch(`${api.url}/api/glossary`, {
      method: 'POST',
      headers: json(headers.editor),
      body: JSON.stringify({ zh: '旅游卡', en: 'tourist card', fr: 'carte touristique' }),
    })
    expect(created.status).toBe(201)
    const termId = ((await created.json()) as { doc: { id: number } }).doc.id
    expect((await saveFrench()).status).toBe(200)
    // The French says "Tourism card" where the glossary now says "carte touristique".
    expect((await glossaryFindings()).map((finding) => finding.message.fr)).toEqual([expect.stringContaining('carte touristique')])
    expect((await fetch(`${api.url}/api/glossary/${termId}`, { method: 'DELETE', headers: headers.editor })).status).toBe(200)
    expect((await saveFrench()).status).toBe(200)
    expect(await glossaryFindings()).toEqual([])
  })
})
