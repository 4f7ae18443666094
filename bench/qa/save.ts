/**
 * `DATABASE_URL=… npx tsx bench/qa/save.ts [--saves 30]`: what translation QA adds to a save, on a
 * database holding the seeded guide (`npm run migrate && npm run seed` on it first). Times draft
 * saves of the guide's French article through the Local API (as an editor), and the QA hook alone
 * on the same document (its two reads, the source locale's document and the glossary, included).
 */
import os from 'node:os'
import { parseArgs } from 'node:util'

import { createLocalReq, getPayload } from 'payload'

import config from '../../payload.config'
import { qaOnSave } from '../../src/translation/qa/hooks/qaOnSave'

const { values } = parseArgs({ options: { saves: { type: 'string', default: '30' } } })
const saves = Number(values.saves)
const payload = await getPayload({ config })
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!
const round = (value: number) => Math.round(value * 10) / 10

const { docs } = await payload.find({ collection: 'articles', where: { slug: { equals: 'xinkaliduoniya-esim-weixin-zhifubao' } }, locale: 'zh', limit: 1, depth: 0 })
const article = docs[0]
if (!article) throw new Error('the seeded guide article is missing: run npm run seed on this database first')
const editor =
  (await payload.find({ collection: 'users', where: { email: { equals: 'bench-editor@lagon.test' } }, limit: 1 })).docs[0] ??
  (await payload.create({ collection: 'users', data: { email: 'bench-editor@lagon.test', password: 'bench-editor-password', name: 'bench', role: 'editor' } as never }))

const saveTimes: number[] = []
for (let index = 0; index < saves; index += 1) {
  const fr = await payload.findByID({ collection: 'articles', id: article.id, locale: 'fr', fallbackLocale: false, draft: true, depth: 0 })
  const summary = String(fr.summary ?? '').replace(/ ?\u200b*$/, '') + (index % 2 ? '' : ' ')
  const started = performance.now()
  await payload.update({ collection: 'articles', id: article.id, locale: 'fr', draft: true, data: { summary }, user: editor, overrideAccess: false })
  saveTimes.push(performance.now() - started)
}

const hook = qaOnSave('articles')
const collection = payload.collections.articles.config
const hookTimes: number[] = []
let findings = 0
for (let index = 0; index < saves; index += 1) {
  const req = await createLocalReq({ locale: 'fr', user: editor as never }, payload)
  const original = await payload.findByID({ collection: 'articles', id: article.id, locale: 'fr', fallbackLocale: false, draft: true, depth: 0 })
  const data = { summary: original.summary, _status: 'draft' } as Record<string, unknown>
  const started = performance.now()
  const out = (await hook({ data, originalDoc: original, req, collection, operation: 'update', context: {} } as never)) as { translation: { qaFindings: unknown[] } }
  hookTimes.push(performance.now() - started)
  findings = out.translation.qaFindings.length
}
console.log(
  JSON.stringify({
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((value) => round(value)),
    cpus: os.cpus().length,
    saves,
    draftSaveMedianMs: round(median(saveTimes)),
    qaHookMedianMs: round(median(hookTimes)),
    findings,
  }),
)
process.exit(0)
