/**
 * `tsx src/cli/with-database.ts COMMAND [ARGS…]`: runs COMMAND with DATABASE_URL set, starting the
 * embedded PostgreSQL first when no DATABASE_URL is configured, and stopping it afterwards.
 */
import { ensureDatabase } from '@/db/databaseUrl'

import { loadEnvironment } from '../environment'
import { run } from '../processes'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: with-database COMMAND [ARGS…]')
  process.exit(2)
}

loadEnvironment()
const database = await ensureDatabase()
let code = 1
try {
  code = (await run(command, args, { ...process.env, DATABASE_URL: database.url })).code
} finally {
  await database.stop()
}
process.exit(code)
