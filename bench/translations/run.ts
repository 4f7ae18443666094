/**
 * `npx tsx bench/translations/run.ts [--documents N]`: how long the translation report (the data
 * of /admin/translations and GET /api/translations/status) takes to compute over N articles in
 * three locales, in mixed states. Its own embedded PostgreSQL (.data/postgres-bench-translations,
 * port LAGON_BENCH_PG_PORT, default 54337) and database; prints a Markdown row for bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { lagonCommand, runOrThrow } from '../../src/cli/processes'
import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'

const root = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({ options: { documents: { type: 'string', default: '300' }, runs: { type: 'string', default: '7' } } })
const documents = Number(values.documents)
const runs = Number(values.runs)

const server = await startEmbeddedPostgres({
  dataDir: path.join(root, '.data/postgres-bench-translations'),
  port: Number(process.env.LAGON_BENCH_PG_PORT || 54337),
  database: 'lagon_bench_translations',
})
try {
  const env = { ...process.env, DATABASE_URL: server.url, PAYLOAD_SECRET: 'bench-secret', NODE_OPTIONS: '--no-deprecation' }
  await runOrThrow(...lagonCommand('migrate'), env, { quiet: true })
  Object.assign(process.env, env)
  const { default: config } = await import('../../payload.config')
  const { getPayload } = await import('payload')
  const { translationReport } = await import('../../src/translation/report')
  const payload = await getPayload({ config })

  const existing = (await payload.count({ collection: 'articles' })).totalDocs
  for (let index = existing; index < documents; index++) {
    const paragraph = (text: string) => ({
      root: {
        type: 'root', direction: 'ltr' as const, format: '' as const, indent: 0, version: 1,
        children: [{ type: 'paragraph', direction: 'ltr' as const, format: '' as const, indent: 0, version: 1, textFormat: 0,
          children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }] }],
      },
    })
    const { id } = await payload.create({
      collection: 'articles',
      locale: 'zh',
      data: { title: `文章 ${index}`, summary: '摘要'.repeat(20), body: paragraph('正文。'.repeat(200)), destination: 'NC', _status: 'published' },
    })
    // A mix: done, needs review, in progress, missing; every third source edited afterwards (outdated).
    if (index % 4 !== 3) {
      const status = (['done', 'needs-review', 'in-progress'] as const)[index % 4]!
      for (const locale of ['en', 'fr'] as const) {
        await payload.update({ collection: 'articles', id, locale, data: { title: `Article ${index} ${locale}`, body: paragraph('Text. '.repeat(200)), translation: { status } } })
      }
    }
    if (index % 3 === 0) await payload.update({ collection: 'articles', id, locale: 'zh', data: { summary: '新摘要'.repeat(20) } })
  }

  const timings: number[] = []
  let rows = 0
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    const report = await translationReport(payload)
    timings.push(performance.now() - start)
    rows = report.rows.length
  }
  timings.sort((a, b) => a - b)
  const median = timings[Math.floor(timings.length / 2)]!
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const line = `| ${new Date().toISOString().slice(0, 10)} | ${cpu}, ${os.cpus().length} cores | ${documents} articles (${rows} rows) | ${median.toFixed(0)} ms | ${timings[0]!.toFixed(0)}–${timings[timings.length - 1]!.toFixed(0)} ms |`
  console.log('| date | machine | data | median | min–max |\n|---|---|---|---|---|\n' + line)
  mkdirSync(path.join(root, 'bench/results'), { recursive: true })
  writeFileSync(path.join(root, `bench/results/translations-${Date.now()}.json`), JSON.stringify({ documents, rows, timings }, null, 2))
  await payload.destroy()
  // Its pool would otherwise see the server stop under it, and throw.
  await (payload.db as unknown as { pool?: { end: () => Promise<void> } }).pool?.end().catch(() => {})
} finally {
  await server.stop()
}
