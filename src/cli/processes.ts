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

export const runOrThrow = async (
  command: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
  options?: RunOptions,
): Promise<void> => {
  const { code, output } = await run(command, args, env, options)
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`)
}
