/**
 * `npm run migrate`: applies the committed migrations that the database lacks. Runs in-process
 * rather than through Payload's `payload migrate` binary, which sometimes exits before doing its
 * work when its TypeScript loader starts late.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { loadEnvironment } from '../environment'

loadEnvironment()
// The start-up check would refuse this very database: it lacks the migrations about to be applied.
const payload = await getPayload({ config, disableOnInit: true })
let code = 0
try {
  await payload.db.migrate()
} catch (error) {
  console.error(`migrate: ${(error as Error)?.stack ?? String(error)}`)
  code = 1
} finally {
  await payload.destroy()
}
process.exit(code)
