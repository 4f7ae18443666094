/**
 * `npm run search:reindex`: readers' search index rebuilt from the published content (after
 * adding words to src/search/dictionary.ts, or to repair it). Readers keep searching meanwhile:
 * rows are replaced one page of documents at a time, and edits made during the rebuild stay.
 */
import { reindexAll } from '@/search/indexer'

import { commandPayload } from '../payload'
import { progressReporter } from '../progress'

const payload = await commandPayload('search:reindex')
const { report, seconds } = progressReporter('search:reindex')
let code = 0
try {
  const counts = await reindexAll(payload, report)
  console.log(
    `search:reindex: ${counts.articles} article, ${counts.carriers} carrier and ${counts.tips} tip locale versions indexed in ${seconds()}`,
  )
} catch (error) {
  console.error(`search:reindex: ${String((error as Error)?.stack ?? error)}`)
  code = 1
} finally {
  await payload.destroy()
}
process.exit(code)
