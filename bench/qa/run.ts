/**
 * `npm run bench:qa -- [--articles 1000] [--rounds 200]`: what translation QA costs.
 * 1. A save of the guide: every check of one locale of each shipped document (content/, parsed
 *    as the importer parses it), as the save hook runs them, timed over `--rounds` rounds.
 * 2. seed:scale's synthetic guides (the very documents `npm run seed:scale` writes, made in
 *    memory by src/seed/scale/documents.ts): every check of both translations and the source's
 *    typography of `--articles` guides.
 * No database: the hook's two reads (the source locale's document, the glossary) come on top.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { Articles } from '@collections/Articles'
import { Carriers } from '@collections/Carriers'
import { Tips } from '@collections/Tips'

import { parseFrontMatter } from '@/import/frontMatter'
import { markdownToLexical } from '@/import/markdownToLexical'
import { localeCodes, type Locale } from '@/lib/locales'
import { scaleArticle } from '@/seed/scale/documents'
import { checkDocumentLocale } from '@/translation/qa/document'
import { readGlossaryFile } from '@/translation/qa/contentCheck'
import { translatableContent } from '@/translation/sourceContent'
import { translatableFields } from '@/translation/translatableFields'

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '200' } } })
const articles = Number(values.articles)
const rounds = Number(values.rounds)
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const ms = (value: number) => Math.round(value * 1000) / 1000

const glossary = await readGlossaryFile(path.join(root, 'content/glossary.yaml'))
const fieldsOf = { articles: Articles.fields, carriers: Carriers.fields, tips: Tips.fields }
const bodyField = { articles: 'body', carriers: 'description', tips: 'body' } as const

// 1. The guide: one save = one locale of one document checked against its source.
const guide: { name: string; times: number[]; findings: number }[] = []
for (const [collection, name] of [['articles', 'new-caledonia-esim-wechat-alipay'], ['carriers', 'opt-mobilis'], ['tips', 'cards-and-contactless']] as const) {
  const fields = translatableFields(fieldsOf[collection])
  const docs = new Map<Locale, Record<string, unknown>>()
  for (const locale of localeCodes) {
    const file = path.join(root, 'content', collection, name, `${locale}.md`)
    const { data, body } = parseFrontMatter(await readFile(file, 'utf8'), file)
    const resolver = { embed: async ({ slug }: { slug: string }) => slug, image: async (src: string) => src }
    docs.set(locale, { ...data, [bodyField[collection]]: await markdownToLexical(body, { file, resolver }) })
  }
  const source = { content: translatableContent(docs.get('zh'), fields), locale: 'zh' as Locale }
  for (const locale of ['en', 'fr'] as const) {
    const content = translatableContent(docs.get(locale), fields)
    const times: number[] = []
    let findings = 0
    for (let round = 0; round < rounds; round += 1) {
      const started = performance.now()
      findings = checkDocumentLocale({ content, locale, source, glossary }).length
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    guide.push({ name: `${collection}/${name} ${locale}`, times, findings })
  }
}

// 2. seed:scale's guides, every locale.
const refs = { carriers: Array.from({ length: 20 }, (_, index) => ({ id: index + 1, destination: ['NC', 'PF', 'FJ', 'VU'][index % 4]! })), tips: [1, 2, 3, 4, 5, 6] }
const articleFields = translatableFields(Articles.fields)
const contentOf = (columns: Record<string, unknown>) =>
  translatableContent(
    { title: columns.title, summary: columns.summary, body: columns.body, seo: { title: columns.seo_title, description: columns.seo_description } },
    articleFields,
  )
const made = Array.from({ length: articles }, (_, index) => scaleArticle(index + 1, refs))
let checks = 0
let scaleFindings = 0
const perDoc: number[] = []
const started = performance.now()
for (const doc of made) {
  const zh = doc.locales.zh
  if (!zh) continue
  const source = { content: contentOf(zh.columns), locale: 'zh' as Locale }
  const one = performance.now()
  scaleFindings += checkDocumentLocale({ content: source.content, locale: 'zh', source: null, glossary }).length
  checks += 1
  for (const locale of ['en', 'fr'] as const) {
    const translation = doc.locales[locale]
    if (!translation) continue
    scaleFindings += checkDocumentLocale({ content: contentOf(translation.columns), locale, source, glossary }).length
    checks += 1
  }
  perDoc.push(performance.now() - one)
}
const total = performance.now() - started
perDoc.sort((a, b) => a - b)

const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() },
  guide: guide.map(({ name, times, findings }) => ({ name, findings, p50: ms(percentile(times, 50)), p99: ms(percentile(times, 99)), max: ms(times.at(-1)!) })),
  scale: { articles, checks, findings: scaleFindings, totalMs: Math.round(total), perArticle: { p50: ms(percentile(perDoc, 50)), p99: ms(percentile(perDoc, 99)) } },
}
console.table(result.guide)
console.log(result.scale, 'load average', result.machine.loadAverage)
await mkdir(path.join(root, 'bench/results'), { recursive: true })
await writeFile(path.join(root, `bench/results/qa-${result.date.slice(0, 19).replace(/:/g, '')}.json`), JSON.stringify(result, null, 2))
