/**
 * One place that knows everything the benchmark started, so a failure or Ctrl-C at any step
 * still stops the server, nginx, Chromium and PostgreSQL, in the reverse order of their start.
 * A separate reaper process (reaper.ts) is told about each of them too, and stops what is left
 * if this process dies before it could.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import path from 'node:path'

import type { LastResort, ReaperLine } from './reaper'

type Task = { name: string; run: () => Promise<void> | void; id: number }

const tasks: Task[] = []
let reaper: ChildProcess | undefined
let nextId = 1

function tellReaper(line: ReaperLine): void {
  reaper?.stdin?.write(`${JSON.stringify(line)}\n`)
}

/**
 * Starts the reaper in a process group of its own (Ctrl-C does not reach it), under the same
 * TypeScript loader; its stdin stays open exactly as long as this process lives.
 */
export function startReaper(repoRoot: string): void {
  reaper = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'reaper.ts')], {
    cwd: repoRoot,
    detached: true,
    stdio: ['pipe', 'inherit', 'inherit'],
  })
  reaper.unref()
  ;(reaper.stdin as Socket | null)?.unref()
}

/**
 * Registers an undo step, and what the reaper should do if this process dies first; returns a
 * function that runs the step early and forgets it.
 */
export function onCleanup(name: string, run: Task['run'], lastResort?: LastResort): () => Promise<void> {
  const task = { name, run, id: nextId++ }
  tasks.push(task)
  if (lastResort) tellReaper({ add: task.id, what: lastResort })
  return async () => {
    const index = tasks.indexOf(task)
    if (index === -1) return
    tasks.splice(index, 1)
    await runTask(task)
  }
}

async function runTask(task: Task): Promise<void> {
  await task.run()
  tellReaper({ drop: task.id })
}

/** Runs every registered step, last first; one failing step does not keep the others from running. */
export async function cleanUp(): Promise<void> {
  while (tasks.length > 0) {
    const task = tasks.pop()!
    console.error(`bench: stopping ${task.name}`)
    try {
      await runTask(task)
    } catch (error) {
      console.error(`bench: cleanup of ${task.name} failed: ${(error as Error)?.message ?? error}`)
    }
  }
  reaper?.stdin?.end()
}

/** Ctrl-C, kill or a closed terminal clean up too, instead of leaving servers behind. */
export function cleanUpOnSignals(): void {
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }
  for (const [signal, code] of Object.entries(codes) as [NodeJS.Signals, number][]) {
    process.once(signal, () => {
      console.error(`bench: ${signal}, cleaning up`)
      void cleanUp().finally(() => process.exit(code))
    })
  }
}

/** A benchmark's whole life: the reaper, signals, its steps, then the cleanup and the exit code. */
export async function runBenchmark(repoRoot: string, main: () => Promise<void>): Promise<never> {
  startReaper(repoRoot)
  cleanUpOnSignals()
  let code = 0
  try {
    await main()
  } catch (error) {
    console.error(`bench: ${(error as Error)?.stack ?? error}`)
    code = 1
  } finally {
    await cleanUp()
  }
  process.exit(code)
}
