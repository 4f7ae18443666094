/**
 * `node src/cli/run.mjs with-database COMMAND [ARGS…]`: runs one of Lagon's commands (`migrate`,
 * `seed`…) or a program (`payload migrate:create`) with DATABASE_URL set, starting the embedded
 * PostgreSQL first when no DATABASE_URL is configured, and stopping it afterwards.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

import { ensureDatabase, projectRoot } from '@/db/databaseUrl'

import { loadEnvironment } from '../environment'
import { commandCondition, lagonCommand, run } from '../processes'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: with-database COMMAND [ARGS…]')
  process.exit(2)
}
const isLagonCommand = existsSync(path.join(projectRoot, 'src/cli/commands', `${command}.ts`))

loadEnvironment()
const database = await ensureDatabase()
let code = 1
try {
  const [program, programArgs] = isLagonCommand ? lagonCommand(command, ...args) : [command, args]
  // Payload's CLI loads the config (and Lexical) itself: under the same condition as Lagon's commands.
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} ${commandCondition}`.trim()
  code = (await run(program, programArgs, { ...process.env, DATABASE_URL: database.url, NODE_OPTIONS: nodeOptions })).code
} finally {
  await database.stop()
}
process.exit(code)
