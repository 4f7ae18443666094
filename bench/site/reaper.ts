/**
 * The benchmark's last resort, in a process of its own: it reads what the benchmark started, one
 * JSON line at a time, from its stdin; when that pipe closes while anything is still listed (the
 * benchmark died: an exception past its cleanup, a SIGKILL from tsx's signal relay, process.exit()
 * from the embedded PostgreSQL library), it stops all of it. Started by cleanup.ts.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'

/** What to do for one thing the benchmark started: kill a process group, stop a database, remove a folder. */
export type LastResort = { group?: number; postgres?: string; remove?: string }
export type ReaperLine = { add: number; what: LastResort } | { drop: number }

const listed = new Map<number, LastResort>()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/** SIGINT is PostgreSQL's fast shutdown: it ends its clients' sessions and stops cleanly. */
async function stopPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return
  process.kill(pid, 'SIGINT')
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 200) await sleep(200)
  if (isAlive(pid)) process.kill(pid, 'SIGKILL')
}

/** Servers first, then the database they used, then the folder that held it all. */
async function reap(): Promise<void> {
  const what = [...listed.values()]
  if (what.length === 0) return
  console.error(`bench reaper: the benchmark stopped without cleaning up; stopping ${what.length} thing(s)`)
  for (const { group } of what) if (group) killGroup(group)
  for (const { postgres } of what) if (postgres) await stopPostgres(postgres)
  for (const { remove } of what) if (remove) rmSync(remove, { recursive: true, force: true })
}

const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const message = JSON.parse(line) as ReaperLine
  if ('add' in message) listed.set(message.add, message.what)
  else listed.delete(message.drop)
})
lines.on('close', () => {
  void reap().finally(() => process.exit(0))
})
// Ctrl-C reaches the whole terminal's process group; the reaper must outlive the benchmark.
process.on('SIGINT', () => {})
process.on('SIGHUP', () => {})
