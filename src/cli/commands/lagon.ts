/**
 * `npm run dev` / `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), pending
 * migrations applied, then the admin, the API and the site: `next dev`, or Lagon's production
 * server (src/server/main.ts). `dev` also seeds the first guide (idempotent). Ctrl-C or SIGTERM
 * stops the server and the embedded database together.
 */
import { ensureDatabase } from '@/db/databaseUrl'

import { loadEnvironment } from '../environment'
import { run, runOrThrow } from '../processes'

const mode = process.argv[2]
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: lagon dev|start')
  process.exit(2)
}

loadEnvironment()
const database = await ensureDatabase((line) => process.env.LAGON_DEBUG && console.log(line))
const env = { ...process.env, DATABASE_URL: database.url, NODE_OPTIONS: '--no-deprecation' }
let code = 1
try {
  console.log('lagon: applying migrations')
  await runOrThrow('tsx', ['src/cli/migrate.ts'], env)
  if (mode === 'dev') {
    console.log('lagon: seeding the first guide')
    await runOrThrow('tsx', ['src/cli/seed.ts'], env)
  }
  const port = process.env.PORT || '3000'
  console.log(`lagon: admin at http://localhost:${port}/admin, API at http://localhost:${port}/api`)
  // Development is `next dev` as is; production is Lagon's server (src/server/main.ts): Next behind
  // the cache of readers' pages.
  const server = mode === 'dev' ? ['next', ['dev', '--port', port]] : ['tsx', ['src/server/main.ts', '--port', port]]
  code = (await run(server[0] as string, server[1] as string[], env)).code
} catch (error) {
  console.error(`lagon: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await database.stop()
}
process.exit(code)
