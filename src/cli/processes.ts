import { spawn } from 'node:child_process'

type RunOptions = {
  /** Keep the output, and show it only if the command fails. */
  quiet?: boolean
}

/** Runs a command and resolves with its exit code; Ctrl-C and SIGTERM are passed on to it. */
export const run = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  { quiet = false }: RunOptions = {},
): Promise<{ code: number; output: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve({ code: code ?? (signal === 'SIGINT' ? 130 : 143), output })
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
  if (code === unsettledTopLevelAwait) {
    // Seen only on a machine loaded far past its cores, with no output, in tsx scripts whose work is
    // idempotent (migrate, seed): Node ended the script while its modules were still loading.
    console.warn(`${command} ${args.join(' ')} exited with 13 before doing anything; running it once more`)
    ;({ code, output } = await run(command, args, env, options))
  }
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`)
}
