/**
 * Each translation QA check on small segments in zh, en and fr: what must be found is found, and
 * what is only written another way is not. Pure functions: no database.
 */
import { describe, expect, it } from 'vitest'

import { checkSources, isBareDomain, needsReverification, reverifyAfterDays } from '@/fields/sourceQuality'
import * as lexical from '@/import/lexicalNodes'
import { adminLanguageCodes, type Locale } from '@/lib/locales'
import { checkDocumentLocale, checkTranslation } from '@/translation/qa/document'
import { qaText } from '@/translation/qa/text'
import { pairChecks, textChecks } from '@/translation/qa/registry'
import type { GlossaryTerm, PairInput } from '@/translation/qa/types'

const glossary: GlossaryTerm[] = [
  { forms: { zh: '新喀里多尼亚', en: 'New Caledonia', fr: 'Nouvelle-Calédonie' }, doNotTranslate: false },
  { forms: { zh: '微信', en: 'WeChat', fr: 'WeChat' }, doNotTranslate: false },
  { forms: { zh: 'Mobilis', en: 'Mobilis', fr: 'Mobilis' }, doNotTranslate: true },
]

/** The codes every pair check finds for one segment (strings, or inline nodes). */
const codes = (source: string | lexical.LexicalNode[], target: string | lexical.LexicalNode[], sourceLocale: Locale, targetLocale: Locale) => {
  const input: PairInput = { source: qaText(source), target: qaText(target), sourceLocale, targetLocale, glossary }
  return pairChecks.flatMap((check) => check(input)).map((found) => `${found.severity}:${found.code}`)
}

const textCodes = (text: string | lexical.LexicalNode[], locale: Locale) =>
  textChecks.flatMap((check) => check(qaText(text), locale)).map((found) => `${found.severity}:${found.code}`)

describe('numbers, dates, percentages and amounts', () => {
  const zh = '单笔交易超过 200 元时，按全额收取 3% 的手续费。'
  it('a number written the target locale’s way is not a finding', () => {
    expect(codes(zh, 'A 3% fee applies to the whole transaction once it exceeds CNY 200.', 'zh', 'en')).toEqual([])
    expect(codes(zh, 'Au-delà de 200\u00a0CNY, des frais de 3\u00a0% s’appliquent à toute la transaction.', 'zh', 'fr')).toEqual([])
    for (const written of ['1 000', '1\u00a0000', '1\u202f000', '1,000', '1000']) {
      expect(codes('约 1000 太平洋法郎的现金。', `About ${written} XPF in cash.`, 'zh', 'en')).toEqual([])
    }
    expect(codes('2024 年 1 月 1 日起改版。', 'Révisée le 1er janvier 2024.', 'zh', 'fr')).toEqual([])
    expect(codes('2024 年 1 月 1 日起改版。', 'Revised on 1 January 2024.', 'zh', 'en')).toEqual([])
    expect(codes('有效期 3 个月。', 'Valable trois mois.', 'zh', 'fr')).toEqual([])
  })
  it('a changed or dropped number is an error, in each direction', () => {
    expect(codes(zh, 'A 3% fee applies above CNY 300.', 'zh', 'en')).toContain('error:number-mismatch')
    expect(codes(zh, 'Des frais de 3\u00a0% s’appliquent.', 'zh', 'fr')).toContain('error:number-mismatch')
    expect(codes('2G 已于 2025 年 12 月 31 日关闭。', 'La 2G a été coupée le 31 décembre 2024.', 'zh', 'fr')).toContain('error:number-mismatch')
    expect(codes('Valid for 90 days.', '有效期 30 天。', 'en', 'zh')).toContain('error:number-mismatch')
    expect(codes('Valable 90 jours.', 'Valid for 90 days, 557 sites.', 'fr', 'en')).toContain('error:number-mismatch')
  })
  it('an amount in another currency is an error', () => {
    expect(codes(zh, 'A 3% fee applies to transactions above 200 €.', 'zh', 'en')).toContain('error:unit-mismatch')
  })
})

describe('links', () => {
  const withLink = (url: string, words: string) => [lexical.text('见 '), lexical.link(url, [lexical.text(words)])]
  it('a dropped or changed link target is an error; the same target with translated words is not', () => {
    const source = withLink('https://www.mofcom.gov.cn/guide.html', '商务部指南')
    expect(codes(source, withLink('https://www.mofcom.gov.cn/guide.html', 'the ministry’s guide'), 'zh', 'en')).toEqual([])
    expect(codes(source, [lexical.text('Voir le guide du ministère.')], 'zh', 'fr')).toContain('error:link-missing')
    const changed = codes(source, withLink('https://www.mofcom.gov.cn/', 'the guide'), 'zh', 'en')
    expect(changed).toEqual(expect.arrayContaining(['error:link-missing', 'error:link-added']))
    expect(codes('详见 https://opt.nc/tourisme。', 'See the OPT page.', 'zh', 'en')).toContain('error:link-missing')
  })
})

describe('inline markup and placeholders', () => {
  it('a dropped line break, placeholder or code is an error; dropped bold a warning', () => {
    const source = [lexical.text('第一行'), lexical.lineBreak(), lexical.text('拨打 '), lexical.text('*#06#', 16)]
    expect(codes(source, [lexical.text('First line'), lexical.lineBreak(), lexical.text('dial '), lexical.text('*#06#', 16)], 'zh', 'en')).toEqual([])
    expect(codes(source, [lexical.text('First line, dial *#06#')], 'zh', 'en')).toEqual(
      expect.arrayContaining(['error:placeholder-mismatch', 'error:code-changed']),
    )
    expect(codes('见 {{carrier:opt-mobilis}}', 'Voir l’opérateur.', 'zh', 'fr')).toContain('error:placeholder-mismatch')
    expect(codes([lexical.text('Mobilis', 1), lexical.text(' 是品牌。')], [lexical.text('Mobilis is a brand.')], 'zh', 'en')).toEqual([
      'warning:formatting-changed',
    ])
  })
})

describe('glossary and do-not-translate terms', () => {
  it('a term not rendered as the glossary says is an error', () => {
    expect(codes('新喀里多尼亚只有一家运营商。', 'La Nouvelle-Calédonie n’a qu’un opérateur.', 'zh', 'fr')).toEqual([])
    expect(codes('新喀里多尼亚只有一家运营商。', 'Le Caillou n’a qu’un opérateur.', 'zh', 'fr')).toContain('error:glossary-term')
    expect(codes('New Caledonia has one carrier.', '新喀里多尼亚只有一家运营商。', 'en', 'zh')).toEqual([])
    expect(codes('New Caledonia has one carrier.', '新喀只有一家运营商。', 'en', 'zh')).toContain('error:glossary-term')
  })
  it('a do-not-translate term must stay exactly as written', () => {
    expect(codes('Mobilis 是移动品牌。', 'Mobilis is the mobile brand.', 'zh', 'en')).toEqual([])
    expect(codes('Mobilis 是移动品牌。', 'MOBILIS est la marque mobile.', 'zh', 'fr')).toContain('error:do-not-translate')
  })
})

describe('length, empty and untranslated segments', () => {
  it('a segment far shorter than its source is a warning', () => {
    const zh = '游客可以在努美阿的 OPT 营业厅购买预付费的旅游卡，有效期三个月，含通话、短信和流量，价格未知。'
    expect(codes(zh, 'Tourists can buy the prepaid Tourism card at OPT agencies in Nouméa: valid three months, with calls, texts and data; price unknown.', 'zh', 'en')).toEqual([])
    expect(codes(zh, 'Buy a SIM (three months).', 'zh', 'en')).toContain('warning:length-ratio')
  })
  it('Chinese left in a French segment is an error; a short name left as it is, nothing', () => {
    expect(codes('游客可以购买旅游卡。', '游客可以购买旅游卡。', 'zh', 'fr')).toContain('error:untranslated')
    expect(codes('Airalo', 'Airalo', 'en', 'fr')).toEqual([])
  })
  it('a rich-text block left empty is an error; a field not translated at all a warning', () => {
    const doc = (...texts: string[]) => lexical.root(texts.map((text) => lexical.paragraph(text ? [lexical.text(text)] : [])))
    const findings = checkTranslation({
      source: { body: doc('第一段。', '第二段。'), summary: '摘要。' },
      target: { body: doc('Premier paragraphe.', '') },
      sourceLocale: 'zh',
      targetLocale: 'fr',
      glossary,
    })
    expect(findings.map((finding) => `${finding.severity}:${finding.code}:${finding.path}:${finding.segment}`)).toEqual(
      expect.arrayContaining(['error:empty-segment:body:body:1', 'warning:field-missing:summary:null']),
    )
  })
})

describe('typography', () => {
  it('French: a plain space or none before : ; ? ! », after «, straight quotes, 1 000 with a plain space', () => {
    expect(textCodes('Indicatif\u00a0: +687\u202f; «\u00a0Helia\u00a0» et 1\u202f000\u00a0XPF\u00a0?', 'fr')).toEqual([])
    expect(textCodes('Indicatif : +687', 'fr')).toEqual(['warning:fr-nbsp'])
    expect(textCodes('Vérifié?', 'fr')).toEqual(['warning:fr-nbsp'])
    expect(textCodes('sous le nom « Helia\u00a0»', 'fr')).toEqual(['warning:fr-nbsp'])
    expect(textCodes('le nom "Helia"', 'fr')).toEqual(['warning:fr-quotes'])
    expect(textCodes('environ 1 000\u00a0XPF', 'fr')).toEqual(['warning:fr-number'])
    expect(textCodes('https://opt.nc/a:b à 10:30', 'fr')).toEqual([])
    expect(textCodes('Dial: +687', 'en')).toEqual([])
  })
  it('Chinese: ASCII quotes and half-width punctuation next to Chinese are warnings; Latin inside is left alone', () => {
    expect(textCodes('以“Helia by OPT-NC”的名称对外，见 Mobilis (OPT-NC)。', 'zh')).toEqual([])
    expect(textCodes('以 "Helia by OPT-NC" 的名称对外。', 'zh')).toEqual(['warning:zh-ascii-quotes'])
    expect(textCodes('新喀里多尼亚,只有一家运营商。', 'zh')).toEqual(['warning:zh-halfwidth-punctuation'])
    expect(textCodes('以 "Helia" 对外', 'en')).toEqual([])
  })
  it('runs on the source locale too, with no translation checks there', () => {
    const findings = checkDocumentLocale({ content: { title: '以 "Helia" 的名称' }, locale: 'zh', source: null, glossary })
    expect(findings.map((finding) => finding.code)).toEqual(['zh-ascii-quotes'])
  })
  it('messages are in every admin language', () => {
    const [finding] = checkDocumentLocale({ content: { title: 'Indicatif : +687' }, locale: 'fr', source: null, glossary })
    expect(Object.keys(finding!.message).sort()).toEqual([...adminLanguageCodes].sort())
    expect(finding!.message.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(finding!.message['zh-TW']).toMatch(/[\u4e00-\u9fff]/)
    expect(finding!.message['zh-TW']).not.toEqual(finding!.message.zh)
    expect(finding!.message.fr).not.toEqual(finding!.message.en)
  })
})

describe('source quality', () => {
  const now = new Date('2026-12-01T00:00:00Z')
  it('a complete deep-linked source with a date passes; bare domains, missing publisher, title or date do not', () => {
    const ok = { title: 'Tourism card', publisher: 'OPT-NC', url: 'https://office.opt.nc/fr/particuliers/mobile/tourism-card', date: '2024-01' }
    expect(checkSources({ sources: [ok], lastVerified: '2026-11-26' }, { now, days: 365 })).toEqual([])
    const found = checkSources(
      { sources: [{ ...ok, url: 'https://lnc.nc/' }, { title: '', publisher: '', url: 'https://lnc.nc', date: '' }], lastVerified: '2026-11-26' },
      { now, days: 365 },
    ).map((finding) => `${finding.severity}:${finding.code}:${finding.path}`)
    expect(found).toEqual(
      expect.arrayContaining([
        'error:source-bare-domain:sources.0.url',
        'error:source-title-missing:sources.1.title',
        'error:source-publisher-missing:sources.1.publisher',
        'warning:source-date-missing:sources.1.date',
        'warning:source-duplicate-url:sources.1.url',
      ]),
    )
  })
  it("a record's own site may be cited by its domain", () => {
    const home = { title: 'Airalo', publisher: 'Airalo', url: 'https://www.airalo.com/', date: '2026' }
    expect(checkSources({ sources: [home], website: 'https://airalo.com', lastVerified: '2026-11-01' }, { now, days: 365 })).toEqual([])
    expect(isBareDomain('https://airalo.com/new-caledonia-esim')).toBe(false)
  })
  it('lastVerified older than the configured age needs re-verification', () => {
    expect(needsReverification('2025-11-01', now, 365)).toBe(true)
    expect(needsReverification('2026-06-01', now, 365)).toBe(false)
    expect(needsReverification('2026-06-01', now, 90)).toBe(true)
    expect(needsReverification(null, now, 365)).toBe(true)
    expect(reverifyAfterDays({ LAGON_REVERIFY_AFTER_DAYS: '30' })).toBe(30)
    expect(reverifyAfterDays({})).toBe(365)
    const [finding] = checkSources({ sources: [], lastVerified: '2020-01-01' }, { now, days: 365 }).filter((item) => item.code === 'needs-reverification')
    expect(finding?.severity).toBe('warning')
  })
})

describe('findings beside a field', () => {
  it('maps a finding in an array row (kept by row id) to the form’s row index', async () => {
    const { findingsForField, formPathOf } = await import('@/translation/admin/findingsForField')
    const data = {
      offers: [{ id: 'row-a', notes: 'x' }, { id: 'row-b', notes: 'y' }],
      translation: {
        qaFindings: [
          { code: 'number-mismatch', severity: 'error', locale: 'fr', path: 'offers.row-b.notes', segment: null, message: { zh: '', en: '', fr: '' } },
          { code: 'fr-nbsp', severity: 'warning', locale: 'fr', path: 'body', segment: 'body:0', message: { zh: '', en: '', fr: '' } },
        ],
      },
    }
    expect(formPathOf('offers.row-b.notes', data)).toBe('offers.1.notes')
    expect(findingsForField(data, 'offers.1.notes').map((finding) => finding.code)).toEqual(['number-mismatch'])
    expect(findingsForField(data, 'offers.0.notes')).toEqual([])
    expect(findingsForField(data, 'body').map((finding) => finding.segment)).toEqual(['body:0'])
  })

  it('renders the source checks from the form’s data on a change, where an empty array is its row count', async () => {
    const { SourceQuality } = await import('@/fields/admin/SourceQuality')
    const req = { i18n: { language: 'en' } } as unknown as Parameters<typeof SourceQuality>[0]['req']
    // What Payload passes server components when the form changes: `sources: 0` for no rows.
    const element = SourceQuality({ data: { sources: 0, lastVerified: '2026-11-01' }, req })
    expect(JSON.stringify(element)).toContain('sources-none')
  })
})
