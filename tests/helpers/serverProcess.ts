import { spawn } from 'node:child_process'
import { cpSync, rmSync } from 'node:fs'
import path from 'node:path'

import { freePort, waitFor } from './ports'

const root = path.resolve(import.meta.dirname, '../..')

export type ServerProcess = {
  url: string
  output: () => string
  /** Sends `signal` and resolves with the exit code once the process has ended. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

/**
 * A copy of a build for the servers of one test file, in the project folder (LAGON_NEXT_DIST_DIR
 * is relative to it). Next writes the pages it renders again into its build folder, and the
 * suite's site server, on another database, must never read them.
 */
export const copyOfBuild = (distDir: string, name: string): { distDir: string; remove: () => void } => {
  const copy = `${distDir}-${name}`
  rmSync(path.join(root, copy), { recursive: true, force: true })
  // The standalone output is for the Docker image; the server runs from the project's node_modules.
  cpSync(path.join(root, distDir), path.join(root, copy), { recursive: true, filter: (source) => !source.includes(`${path.sep}standalone`) })
  return { distDir: copy, remove: () => rmSync(path.join(root, copy), { recursive: true, force: true }) }
}

/**
 * Lagon's production server (src/server/main.ts, as `npm start` runs it) in a process of its own,
 * serving a build already made (LAGON_NEXT_DIST_DIR in `env`), ready once /api/health answers 200.
 */
export const startServerProcess = async (env: NodeJS.ProcessEnv, port?: number): Promise<ServerProcess> => {
  const listenOn = port ?? (await freePort())
  const url = `http://127.0.0.1:${listenOn}`
  let output = ''
  const server = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts', '--port', String(listenOn)], {
    cwd: root,
    env: { NEXT_PUBLIC_SERVER_URL: url, ...env, NODE_ENV: 'production' },
  })
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))
  await waitFor(
    async () => {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${output}`)
      return (await fetch(`${url}/api/health`)).ok
    },
    90_000,
    () => `server:\n${output}`,
  )
  return {
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (server.exitCode === null) server.kill(signal)
      return exited
    },
  }
}
