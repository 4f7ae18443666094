import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '@/db/databaseUrl'

type RunOptions = {
  /** Keep the output, and show it only if the command fails. */
  quiet?: boolean
  /** Kill the command after this long. */
  timeoutMs?: number
  /** What the command does, for the error it fails with ("applying migrations"). */
  what?: string
  cwd?: string
}

type Outcome = { code: number; output: string; timedOut: boolean }

/** The Node condition every command runs under (see src/cli/run.mjs). */
export const commandCondition = '--conditions=production'

/** How to run one of Lagon's commands (src/cli/commands/NAME.ts), as `npm run` does: bundled, in Node. */
export const lagonCommand = (name: string, ...args: string[]): [string, string[]] => [
  process.execPath,
  [commandCondition, path.join(projectRoot, 'src/cli/run.mjs'), name, ...args],
]

/** Runs a command and resolves with its exit code; Ctrl-C and SIGTERM are passed on to it. */
export const run = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  { quiet = false, timeoutMs, cwd }: RunOptions = {},
): Promise<Outcome> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env, cwd })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    let timedOut = false
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true
          child.kill('SIGKILL')
        }, timeoutMs)
      : undefined
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve({ code: code ?? (signal === 'SIGINT' ? 130 : 143), output, timedOut })
    })
  })

export const runOrThrow = async (
  command: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
  options: RunOptions = {},
): Promise<void> => {
  const { code, output, timedOut } = await run(command, args, env, options)
  const what = options.what ?? `${command} ${args.join(' ')}`
  if (timedOut) throw new Error(`${what} did not finish within ${options.timeoutMs! / 1000} s; stopped it\n${output}`)
  if (code !== 0) throw new Error(`${what} failed (exit code ${code})\n${output}`)
}
