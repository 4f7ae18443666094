import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalText } from '@/lib/lexicalText'
import { seedContent } from '@/seed/seedContent'

import { startPayload, type TestPayload } from './helpers/payload'

let db: TestPayload
const collections = ['articles', 'carriers', 'tips'] as const

beforeAll(async () => {
  db = await startPayload('seeded')
})
afterAll(async () => {
  await db?.close()
})

const allLocales = async (collection: (typeof collections)[number]) =>
  (await db.payload.find({ collection, locale: 'all', depth: 0, limit: 0, pagination: false })).docs as unknown as Record<
    string,
    unknown
  >[]

describe('the seeded guide', () => {
  it('publishes the article, the carriers and the tips in zh, en and fr', async () => {
    const counts = await Promise.all(collections.map(async (collection) => (await db.payload.count({ collection })).totalDocs))
    expect(counts).toEqual([1, 3, 6])
    for (const collection of collections) {
      for (const doc of await allLocales(collection)) {
        // Published in each locale it has: `_status` is per locale. zh-Hant is made by converting zh
        // on save (a draft until reviewed); the seed publishes the guide's after review.
        expect(doc._status).toEqual({ zh: 'published', en: 'published', fr: 'published', ...(collection === 'articles' ? { 'zh-Hant': 'published' } : {}) })
        // Three real translations, not one text shown through fallbacks (brand names may match).
        const text = (doc.body ?? doc.description) as Record<string, unknown>
        expect(new Set(['zh', 'en', 'fr'].map((locale) => lexicalText(text[locale]))).size, `${collection} ${doc.id}`).toBe(3)
        expect(lexicalText(text.fr).length).toBeGreaterThan(80)
        const slug = doc.slug as Record<string, string>
        expect(Object.keys(slug).filter((locale) => locale !== 'zh-Hant').sort()).toEqual(['en', 'fr', 'zh'])
      }
    }
  })

  it('has the guide in Traditional Chinese: converted from zh, reviewed by a person, published', async () => {
    const [guide] = (await db.payload.find({ collection: 'articles', locale: 'zh-Hant', fallbackLocale: false, depth: 0, limit: 1, overrideAccess: true })).docs as unknown as {
      title: string
      body: unknown
      slug: string
      _status: string
      translation: { status: string; machineProvider: string; machine: Record<string, string> }
    }[]
    const [source] = (await db.payload.find({ collection: 'articles', locale: 'zh', depth: 0, limit: 1 })).docs as unknown as { title: string; slug: string }[]
    expect(guide!._status).toBe('published')
    expect(guide!.translation).toMatchObject({ status: 'done', machineProvider: 'opencc' })
    // The title the conversion made and nobody needed to correct; the body a person corrected.
    expect(guide!.title).toBe('新喀里多尼亞上網與支付指南：電話卡、eSIM、微信和支付寶')
    expect(guide!.title).not.toBe(source!.title)
    const body = lexicalText(guide!.body)
    expect(body).toContain('發卡')
    expect(body).not.toMatch(/髮卡|運營商|套餐|“/)
    expect(body).toContain('支付寶')
    expect(guide!.slug).toBe(source!.slug)
  })

  it('stores the sources of every record and when it was last verified', async () => {
    for (const collection of collections) {
      for (const doc of await allLocales(collection)) {
        const sources = doc.sources as { title: string; url?: string | null }[]
        expect(sources.length, `${collection} ${doc.id}`).toBeGreaterThan(0)
        for (const source of sources) if (source.url) expect(source.url).toMatch(/^https:\/\//)
        expect(doc.lastVerified).toBeTruthy()
      }
    }
  })

  it('names OPT-NC (Mobilis) the only operator and keeps resellers unverified', async () => {
    const carriers = (await db.payload.find({ collection: 'carriers', locale: 'en', depth: 0 })).docs
    expect(carriers.filter((carrier) => carrier.kind === 'network-operator').map((carrier) => carrier.slug)).toEqual([
      'opt-mobilis',
    ])
    for (const reseller of carriers.filter((carrier) => carrier.kind === 'esim-reseller')) {
      expect(reseller.verification).toBe('unverified')
      for (const offer of reseller.offers ?? []) expect(offer.includesPhoneNumber).toBe('usually-not')
    }
    const operator = carriers.find((carrier) => carrier.kind === 'network-operator')!
    // No public source for the network code was found: the guide leaves it empty rather than guess.
    expect(operator.mccMnc ?? null).toBeNull()
    expect(operator.offers?.some((offer) => offer.unlimitedData)).toBe(false)
  })

  it('marks unverified claims in every locale of the article', async () => {
    for (const locale of ['zh', 'en', 'fr'] as const) {
      const [article] = (await db.payload.find({ collection: 'articles', locale, fallbackLocale: false, depth: 0 })).docs
      expect(JSON.stringify(article!.body)).toContain('"kind":"unverified"')
    }
  })

  it("repeats none of the seed's false claims, nor its spam", async () => {
    const everything = JSON.stringify(await Promise.all(collections.map(allLocales)))
    for (const wrong of ['Orange', 'Airtel', 'New Caledonia Telecom', 'jx0703', 'TG💪', 'user-attachments']) {
      expect(everything).not.toContain(wrong)
    }
    // PayPal and Apple Pay appear only to say they are not local options.
    const docs = (await Promise.all(collections.map(allLocales))).flat()
    const texts = docs.flatMap((doc) => Object.values((doc.body ?? doc.description) as Record<string, unknown>).map(lexicalText))
    const sentences = texts.flatMap((text) => text.split(/(?<=[.。!?！？:：])\s*|\n/))
    const mentions = sentences.filter((sentence) => /PayPal|Apple Pay/.test(sentence))
    expect(mentions.length).toBeGreaterThan(0)
    for (const sentence of mentions) {
      expect(sentence).toMatch(/\bnot\b|\bno\b|\bneither\b|\bnor\b|\bne\b|\bni\b|\bpas\b|不|没有|未|无|非/)
    }
  })
})

describe('npm run seed', () => {
  it('changes nothing on a second run: no update, no new version, no duplicate', async () => {
    const versionsBefore = (await db.payload.countVersions({ collection: 'articles' })).totalDocs
    const before = await Promise.all(collections.map(allLocales))
    const summary = await seedContent(db.payload, path.join(import.meta.dirname, '../content'))
    expect(summary).toEqual({ created: 0, updated: 0, unchanged: 30, dropped: 0 })
    expect(await Promise.all(collections.map(allLocales))).toEqual(before)
    expect((await db.payload.countVersions({ collection: 'articles' })).totalDocs).toBe(versionsBefore)
  })
})
