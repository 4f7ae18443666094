import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { localeCodes, locales } from '@/lib/locales'
import { workCounts } from '@/translation/counts'
import { translatedCollections } from '@/translation/documents'
import { translationReport } from '@/translation/report'

import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff } from './helpers/users'

/**
 * The dashboard's count queries (src/translation/counts.ts) against the report's per-row statuses
 * (src/translation/report.ts): the same outdated and needs-review numbers, and drafts
 * counted per locale from the newest versions.
 */
let db: TestPayload

beforeAll(async () => {
  db = await startPayload('seeded')
  await createStaff(db.payload)
  const { payload } = db
  const [tip] = (await payload.find({ collection: 'tips', limit: 1, sort: 'id', depth: 0 })).docs
  const [first, second] = (await payload.find({ collection: 'carriers', limit: 2, sort: 'id', depth: 0 })).docs
  // The source of a tip changes: its English and French translations become outdated.
  await payload.update({ collection: 'tips', id: tip!.id, locale: 'zh', data: { title: '新的标题，原文已改' } })
  // A French translation waits for review; another one does too, but its source changed since: outdated wins.
  await payload.update({ collection: 'carriers', id: first!.id, locale: 'fr', data: { translation: { status: 'needs-review' } } })
  await payload.update({ collection: 'carriers', id: second!.id, locale: 'fr', data: { translation: { status: 'needs-review' } } })
  await payload.update({ collection: 'carriers', id: second!.id, locale: 'zh', data: { name: '原文改了名字' } })
  // An English draft of a published carrier, and an article that was never published.
  await payload.update({ collection: 'carriers', id: first!.id, locale: 'en', draft: true, data: { name: 'A draft name' } })
  await payload.create({ collection: 'articles', locale: 'zh', draft: true, data: { title: '还在写的文章', destination: 'NC', _status: 'draft' } })
}, 120_000)
afterAll(async () => {
  await db?.close()
})

describe('the dashboard counts', () => {
  it('count outdated and needs-review translations as the report decides them', async () => {
    let outdated = 0
    let needsReview = 0
    for (const collection of translatedCollections) {
      const counts = await workCounts(db.payload, collection)
      for (const locale of localeCodes) {
        const { counts: expected } = await translationReport(db.payload, { collection, locale })
        expect({ collection, locale, outdated: counts[locale]?.outdated ?? 0, needsReview: counts[locale]?.needsReview ?? 0 }).toEqual({
          collection,
          locale,
          outdated: expected.outdated,
          needsReview: expected['needs-review'],
        })
        outdated += expected.outdated
        // zh-Hant's conversions are needs-review drafts by themselves: the set-up's one is elsewhere.
        if (!locales.find((entry) => entry.code === locale)?.conversion) needsReview += expected['needs-review']
      }
    }
    // The set-up made some of each: the comparison above compared something.
    expect(outdated).toBeGreaterThanOrEqual(4)
    expect(needsReview).toBe(1)
  })

  it('count, per locale, the documents whose newest version is a draft', async () => {
    for (const collection of translatedCollections) {
      const counts = await workCounts(db.payload, collection)
      for (const locale of localeCodes) {
        const { docs } = await db.payload.find({ collection, locale, draft: true, depth: 0, pagination: false, fallbackLocale: false })
        // A document with nothing in a locale (not even its title) is a missing translation there, not a draft.
        const title = db.payload.collections[collection].config.admin.useAsTitle!
        const drafts = docs.filter((doc) => {
          const record = doc as unknown as Record<string, unknown>
          return record._status === 'draft' && Boolean(record[title])
        }).length
        expect({ collection, locale, drafts: counts[locale]?.drafts ?? 0 }).toEqual({ collection, locale, drafts })
      }
    }
    expect((await workCounts(db.payload, 'carriers')).en?.drafts).toBe(1)
    expect((await workCounts(db.payload, 'articles')).zh?.drafts).toBe(1)
  })
})
