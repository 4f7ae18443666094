import { spawn } from 'node:child_process'

/** Runs a command with the project's binaries on PATH; resolves with its exit code. */
export const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 128 + 2 : 1))
    })
  })

export const runOrThrow = async (command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<void> => {
  const code = await run(command, args, env)
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`)
}
