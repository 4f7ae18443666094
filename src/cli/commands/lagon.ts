/**
 * `npm run dev` / `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), pending
 * migrations applied, then the admin, the API and the site: `next dev`, or Lagon's production
 * server (src/server/main.ts). `dev` also seeds the first guide (idempotent). Ctrl-C or SIGTERM
 * stops the server and the embedded database together. Each step before the server either ends
 * within its time or stops the launch, saying which step it was.
 */
import path from 'node:path'

import { ensureDatabase, projectRoot } from '@/db/databaseUrl'

import { loadEnvironment } from '../environment'
import { lagonCommand, run, runOrThrow } from '../processes'
import { serverRuntime } from '../serverRuntime.mjs'

const mode = process.argv[2]
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: lagon dev|start')
  process.exit(2)
}

/** Migrating or seeding an install takes seconds; this long means something is stuck. */
const stepTimeoutMs = Number(process.env.LAGON_STEP_TIMEOUT || 300) * 1000
const steps: [what: string, command: string][] = [
  ['applying migrations', 'migrate'],
  ...(mode === 'dev' ? [['seeding the first guide', 'seed'] as [string, string]] : []),
]

loadEnvironment()
console.log(process.env.DATABASE_URL ? 'lagon: using DATABASE_URL' : 'lagon: starting the embedded PostgreSQL')
const database = await ensureDatabase((line) => process.env.LAGON_DEBUG && console.log(line))
// The operator's NODE_OPTIONS (a heap limit, docs/scaling.md) stay.
const env = { ...process.env, DATABASE_URL: database.url, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-deprecation'].filter(Boolean).join(' ') }
let code = 1
try {
  for (const [what, command] of steps) {
    console.log(`lagon: ${what}`)
    await runOrThrow(...lagonCommand(command), env, { timeoutMs: stepTimeoutMs, what })
  }
  const port = process.env.PORT || '3000'
  console.log(`lagon: admin at http://localhost:${port}/admin, site at http://localhost:${port}/, API at http://localhost:${port}/api`)
  if (mode === 'dev') console.log('lagon: next dev compiles each page on its first request: the first one takes 15–40 s')
  // Development is `next dev` as is; production is Lagon's server (src/server/main.ts): Next behind
  // the cache of readers' pages.
  if (mode === 'dev') {
    code = (await run(path.join(projectRoot, 'node_modules/.bin/next'), ['dev', '--port', port], env)).code
  } else {
    const [program, args] = lagonCommand('server', '--port', port)
    const runtime = serverRuntime(args, env)
    code = (await run(program, [...runtime.flags, ...args], { ...env, ...runtime.env })).code
  }
} catch (error) {
  console.error(`lagon: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await database.stop()
}
process.exit(code)
