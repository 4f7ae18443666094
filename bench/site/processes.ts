import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

import { onCleanup } from './cleanup'

export type Service = {
  child: ChildProcess
  /** The last lines the process printed, for error messages. */
  output: () => string
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number>
  stop: () => Promise<void>
}

type SpawnOptions = { cwd: string; env: NodeJS.ProcessEnv; stopSignal?: NodeJS.Signals }

const outputTail = 20_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Signals a whole process group: `npx`, `tsx` and `next` each spawn children of their own. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/**
 * Starts a command in a process group of its own (so stopping it stops its children too) and
 * registers its stop with the cleanup, so nothing outlives the benchmark.
 */
export function startService(name: string, command: string, args: string[], options: SpawnOptions): Service {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-outputTail))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number>((resolve) => {
    child.on('error', (error) => {
      keep(Buffer.from(`\n${name}: ${error.message}\n`))
      resolve(127)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
    signalGroup(child.pid, options.stopSignal ?? 'SIGTERM')
    const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])
    if (!gone) signalGroup(child.pid, 'SIGKILL')
    await exited
    // Children that ignored the first signal (a grandchild in the same group) go now.
    signalGroup(child.pid, 'SIGKILL')
  }
  const forget = onCleanup(name, stop, child.pid ? { group: child.pid } : undefined)
  return { child, output: () => output, exited, stop: forget }
}

/** Runs a command to its end, quietly; throws with the tail of its output if it fails. */
export async function runStep(name: string, command: string, args: string[], options: SpawnOptions): Promise<void> {
  const started = Date.now()
  process.stdout.write(`bench: ${name}…`)
  const service = startService(name, command, args, options)
  const code = await service.exited
  await service.stop()
  if (code !== 0) {
    process.stdout.write(' failed\n')
    throw new Error(`${name} (${command} ${args.join(' ')}) exited with ${code}:\n${service.output()}`)
  }
  process.stdout.write(` done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
}

/** A TCP port on loopback that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Polls `check` until it holds; gives up with the service's output if the service dies first. */
export async function waitUntil(what: string, check: () => Promise<boolean>, service: Service, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(`${what}: the process exited with ${service.child.exitCode}:\n${service.output()}`)
    }
    if (await check().catch(() => false)) return
    await sleep(300)
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s:\n${service.output()}`)
}
