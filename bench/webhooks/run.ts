/**
 * `npx tsx bench/webhooks/run.ts [--saves N]`: what webhooks add to an editor's save. Publishes
 * edits of one article through the Local API (the work a REST save does, without HTTP), with no
 * endpoint, with endpoints that do not listen to articles, with endpoints that do (each save then
 * queues one delivery per endpoint), and saves drafts with those endpoints. Deliveries are not run
 * (no job cron in this process): the numbers are the save's own. Writes bench/results/webhooks-<date>.{json,md}.
 */
import { benchMachine, startBenchPayload, writeBenchResults } from '../results'

const savesArg = process.argv.indexOf('--saves')
const saves = savesArg > 0 ? Number(process.argv[savesArg + 1]) : 200
const warmup = 20

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const round = (ms: number) => Number(ms.toFixed(2))

const { payload, stop } = await startBenchPayload('webhooks')
try {
  const article = await payload.create({ collection: 'articles', data: { title: '基准', destination: 'NC', _status: 'published' } })
  let edit = 0
  const publishEdit = () =>
    payload.update({ collection: 'articles', id: article.id, data: { title: `基准 ${++edit}`, _status: 'published' }, depth: 0 })
  const saveDraft = () => payload.update({ collection: 'articles', id: article.id, data: { title: `草稿 ${++edit}` }, draft: true, depth: 0 })

  const measure = async (save: () => Promise<unknown>) => {
    for (let i = 0; i < warmup; i += 1) await save()
    const times: number[] = []
    for (let i = 0; i < saves; i += 1) {
      const started = performance.now()
      await save()
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), mean: round(times.reduce((a, b) => a + b, 0) / times.length) }
  }
  const setWebhooks = async (count: number, collections: ('articles' | 'tips')[]) => {
    await payload.delete({ collection: 'webhooks', where: { id: { exists: true } } })
    for (let i = 0; i < count; i += 1) {
      await payload.create({
        collection: 'webhooks',
        data: { name: `bench ${i}`, url: `http://127.0.0.1:9/${i}`, events: ['published', 'unpublished', 'updated', 'deleted'], collections },
      })
    }
  }

  const results: Record<string, { p50: number; p95: number; mean: number }> = {}
  await setWebhooks(0, [])
  results['publish, no endpoint'] = await measure(publishEdit)
  await setWebhooks(3, ['tips'])
  results['publish, 3 endpoints not listening'] = await measure(publishEdit)
  await setWebhooks(3, ['articles'])
  results['publish, 3 endpoints listening (3 deliveries queued)'] = await measure(publishEdit)
  results['draft save, 3 endpoints listening'] = await measure(saveDraft)
  const queued = await payload.count({ collection: 'webhook-deliveries' })

  const machine = benchMachine()
  const table = [
    `| save (${saves} each, after ${warmup} warm-up) | p50 ms | p95 ms | mean ms |`,
    '|---|---|---|---|',
    ...Object.entries(results).map(([name, { p50, p95, mean }]) => `| ${name} | ${p50} | ${p95} | ${mean} |`),
  ].join('\n')
  const summary = `${table}\n\n${machine.date}, ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverage.join(' / ')}; ${queued.totalDocs} deliveries queued.`
  console.log(summary)
  writeBenchResults('webhooks', machine.date, { machine, saves, warmup, results, queued: queued.totalDocs }, summary)
} finally {
  await stop()
}
process.exit(0)
