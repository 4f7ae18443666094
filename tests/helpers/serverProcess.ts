import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort, waitFor } from './ports'
import { copyBuiltTree } from './workTree'

const root = path.resolve(import.meta.dirname, '../..')

export type ServerProcess = {
  url: string
  output: () => string
  /** Sends `signal` and resolves with the exit code once the process has ended. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

/**
 * A copy of the suite's build (`inject('site').build.dir`) for the servers of one test file, as
 * each machine of a deployment has its own: Next writes the pages it renders into its build
 * folder, and the suite's site server, on another database, must never read them.
 */
export const copyOfBuild = (buildDir: string): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lagon-site-'))
  try {
    copyBuiltTree(buildDir, dir)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** What every production server of the suite runs with, besides its database: the secret and media folder. */
export const serverEnv = (databaseUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PAYLOAD_SECRET: 'test-secret',
  MEDIA_DIR: path.join(root, '.data/test-media'),
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: '--no-deprecation',
  // Every test logs in from 127.0.0.1, as many clients behind one address: the login's own limit
  // (tests/accounts.test.ts covers it) would refuse the suite's later files.
  LOGIN_RATE_LIMIT: '1000',
})

/**
 * Lagon's production server from a build in `dir` (dist/server.mjs, what the Docker image runs)
 * in a process of its own, ready once /api/health answers 200. Its public address (SITE_URL) is
 * its own unless `env` says otherwise.
 */
export const startServerProcess = async (dir: string, env: NodeJS.ProcessEnv, port?: number): Promise<ServerProcess> => {
  const listenOn = port ?? (await freePort())
  const url = `http://127.0.0.1:${listenOn}`
  const processEnv: NodeJS.ProcessEnv = { SITE_URL: url, ...env, NODE_ENV: 'production' }
  delete processEnv.LAGON_NEXT_DIST_DIR
  let output = ''
  const server = spawn(process.execPath, ['dist/server.mjs', '--port', String(listenOn), '--hostname', '127.0.0.1'], { cwd: dir, env: processEnv })
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal)
    return exited
  }
  try {
    await waitFor(
      async () => {
        if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${output}`)
        return (await fetch(`${url}/api/health`)).ok
      },
      90_000,
      () => `server:\n${output}`,
    )
  } catch (error) {
    await stop('SIGKILL')
    throw error
  }
  return { url, output: () => output, stop }
}
