/** `npm run seed`: the first admin (when configured) and the guide in `content/`. Idempotent. */
import path from 'node:path'

import { projectRoot } from '@/db/databaseUrl'
import { ImportError } from '@/import/errors'
import { seedAdmin } from '@/seed/seedAdmin'
import { seedContent } from '@/seed/seedContent'
import { seedGlossary } from '@/seed/seedGlossary'
import { reindexIfEmpty } from '@/search/indexer'

import { commandPayload } from '../payload'

const payload = await commandPayload('seed')
let code = 0
try {
  const admin = await seedAdmin(payload)
  if (admin !== 'skipped') console.log(`seed: admin ${process.env.LAGON_ADMIN_EMAIL} ${admin}`)
  // The glossary first: the content's conversion into zh-Hant respects its terms.
  const glossary = await seedGlossary(payload, path.join(projectRoot, 'content/glossary.yaml'))
  console.log(`seed: glossary ${glossary.created} created, ${glossary.updated} updated, ${glossary.unchanged} unchanged`)
  const summary = await seedContent(payload, path.join(projectRoot, 'content'), (line) => console.log(`seed: ${line}`))
  console.log(
    `seed: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
      `${summary.dropped} promotional line(s) dropped`,
  )
  // Documents seeded before search existed were never indexed: each save indexes itself since.
  const indexed = await reindexIfEmpty(payload)
  if (indexed !== undefined) console.log(`seed: search index ${indexed} locale versions`)
} catch (error) {
  console.error(`seed: ${error instanceof ImportError ? error.message : String((error as Error)?.stack ?? error)}`)
  code = 1
} finally {
  await payload.destroy()
}
process.exit(code)
