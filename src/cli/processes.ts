import { spawn } from 'node:child_process'

type RunOptions = {
  /** Keep the output, and show it only if the command fails. */
  quiet?: boolean
  /** Kill the command after this long (exit code 124, as `timeout` gives). */
  timeoutMs?: number
}

/** The exit code of a command killed for running past its time. */
const timedOut = 124

/** Runs a command and resolves with its exit code; Ctrl-C and SIGTERM are passed on to it. */
export const run = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  { quiet = false, timeoutMs }: RunOptions = {},
): Promise<{ code: number; output: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    let killed = false
    const timer = timeoutMs
      ? setTimeout(() => {
          killed = true
          child.kill('SIGKILL')
        }, timeoutMs)
      : undefined
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve({ code: killed ? timedOut : (code ?? (signal === 'SIGINT' ? 130 : 143)), output })
    })
  })

/** Node's exit code for a module whose top-level await never settled. */
const unsettledTopLevelAwait = 13

export const runOrThrow = async (
  command: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
  options?: RunOptions,
): Promise<void> => {
  let { code, output } = await run(command, args, env, options)
  if (code === unsettledTopLevelAwait || code === timedOut) {
    // Seen on a busy machine, with no output, in tsx scripts whose work is idempotent (migrate,
    // seed): Node ended the script while its modules were still loading (13), or, since the
    // entries keep the process alive (keepAlive.ts), the load never finished and the script waited
    // for ever (killed at timeoutMs).
    console.warn(`${command} ${args.join(' ')} ${code === timedOut ? 'did not finish in time' : 'exited with 13'}; running it once more`)
    ;({ code, output } = await run(command, args, env, options))
  }
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`)
}
