/**
 * `npm run migrate`: applies the committed migrations that the database lacks, from
 * migrations/index.ts (bundled with the command: Payload would otherwise import the folder's
 * TypeScript files at run time).
 */
import type { Migration } from 'payload'

import { migrations } from '../../../migrations'
import { commandPayload } from '../payload'

// The start-up check would refuse this very database: it lacks the migrations about to be applied.
const payload = await commandPayload('migrate', { disableOnInit: true })
let code = 0
try {
  // The adapter's type has each migration take `unknown`; ours take the Postgres adapter's arguments.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
} catch (error) {
  console.error(`migrate: ${(error as Error)?.stack ?? String(error)}`)
  code = 1
} finally {
  await payload.destroy()
}
process.exit(code)
