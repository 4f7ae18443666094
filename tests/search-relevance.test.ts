import { afterAll, beforeAll, expect, it } from 'vitest'

import { localeCodes } from '@/lib/locales'

import { relevanceDocs, relevanceQueries } from './fixtures/search/relevance'
import { paragraph } from './helpers/lexical'
import { startPayload, type TestPayload } from './helpers/payload'

let db: TestPayload
/** Document id → its key in the relevance set. */
const keys = new Map<number, string>()

beforeAll(async () => {
  db = await startPayload('seeded')
  for (const doc of relevanceDocs) {
    let id: number | undefined
    // The fixture's written locales (a converted one, zh-Hant, is made from zh by the save itself).
    for (const locale of localeCodes.filter((code): code is 'zh' | 'en' | 'fr' => code in doc)) {
      const { title, summary, body } = doc[locale]
      const data = { title, summary, body: paragraph(body), destination: 'NC', sourceLocale: 'zh', _status: 'published' } as never
      id = id === undefined ? (await db.payload.create({ collection: 'articles', locale, data })).id : (await db.payload.update({ collection: 'articles', id, locale, data })).id
    }
    keys.set(id!, doc.key)
  }
})
afterAll(async () => {
  await db?.close()
})

it('finds the expected guides among the first five results (recall@5 ≥ 0.9)', async () => {
  const { search } = await import('@/search/query')
  const misses: string[] = []
  let recall = 0
  for (const { locale, q, expected } of relevanceQueries) {
    const { hits } = await search(db.payload, { q, locale, page: 1, limit: 5 })
    const found = hits.map((hit) => (hit.collection === 'articles' && keys.has(hit.id) ? keys.get(hit.id)! : `guide:${hit.slug}`))
    const hit = expected.filter((key) => found.includes(key))
    recall += hit.length / expected.length
    if (hit.length < expected.length) misses.push(`${locale} "${q}": expected ${expected.join(', ')}, got ${found.join(', ') || 'nothing'}`)
  }
  const recallAt5 = recall / relevanceQueries.length
  console.log(`search relevance: recall@5 = ${recallAt5.toFixed(3)} over ${relevanceQueries.length} queries${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`)
  expect(relevanceQueries.length).toBeGreaterThanOrEqual(30)
  expect(recallAt5).toBeGreaterThanOrEqual(0.9)
})
