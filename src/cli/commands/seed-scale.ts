/**
 * `npm run seed:scale -- [--articles 10000] [--carriers 200] [--tips 2000]`: synthetic guides,
 * carriers and tips in zh, en and fr for benchmarks, written in bulk (see src/seed/scale/).
 * Idempotent: a second run with the same numbers writes nothing.
 */
import { parseArgs } from 'node:util'

import pg from 'pg'

import type { ScaleCollection } from '@/seed/scale/documents'
import { seedScale } from '@/seed/scale/seedScale'
import { reindexAll } from '@/search/indexer'

import { loadEnvironment } from '../environment'
import { commandPayload } from '../payload'
import { progressReporter } from '../progress'

const usage = 'usage: npm run seed:scale -- [--articles N] [--carriers N] [--tips N]'

const fail = (message: string): never => {
  console.error(`seed:scale: ${message}\n${usage}`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      carriers: { type: 'string', default: '200' },
      tips: { type: 'string', default: '2000' },
    },
  })
} catch (error) {
  fail((error as Error).message)
}
const count = (name: ScaleCollection): number => {
  const value = parsed!.values[name]!
  if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number, not "${value}".`)
  return Number(value)
}
const counts = { articles: count('articles'), carriers: count('carriers'), tips: count('tips') }

const { report: progress, seconds } = progressReporter('seed:scale')

loadEnvironment()
const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
let code = 0
try {
  await client.connect()
  const summary = await seedScale(client, counts, progress)
  for (const collection of ['carriers', 'tips', 'articles'] as const) {
    console.log(`seed:scale: ${collection} ${summary[collection].created} created, ${summary[collection].existing} already there`)
  }
  console.log(
    `seed:scale: ${summary.publishedLocales} published and ${summary.draftLocales} draft locale versions written in ${seconds()}. ` +
      'A running server keeps what it cached: restart it to read the new documents at once.',
  )
  // Written in bulk, past the hooks that index each change: readers' search reads them all again.
  const payload = await commandPayload('seed:scale')
  try {
    const indexed = await reindexAll(payload, (collection, done, total) => progress(`search ${collection}`, done, total))
    console.log(`seed:scale: search index ${indexed.articles + indexed.carriers + indexed.tips} locale versions in ${seconds()}`)
  } finally {
    await payload.destroy()
  }
} catch (error) {
  const missingTable = (error as { code?: string }).code === '42P01'
  console.error(`seed:scale: ${missingTable ? 'the database lacks the schema: run `npm run migrate` first.' : String((error as Error)?.stack ?? error)}`)
  code = 1
} finally {
  await client.end()
}
process.exit(code)
