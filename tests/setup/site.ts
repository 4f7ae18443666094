/**
 * The reader site as readers get it: a production build (`next build`) served by Lagon's server
 * (src/server/main.ts, as `npm start` runs it), on a database of its own copied from the seeded
 * template. Built only when the run includes the browser tests in tests/site/ or tests/admin/.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { runOrThrow } from '../../src/cli/processes'
import { recreateDatabase, siteDatabase, templates, withDatabase } from '../helpers/databases'
import { freePort, waitFor } from '../helpers/ports'

const root = path.resolve(import.meta.dirname, '../..')
export const siteDistDir = '.next-test'

export const runIncludesSiteTests = (argv = process.argv): boolean => {
  const filters = argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run' && !arg.includes('vitest'))
  return filters.length === 0 || filters.some((filter) => filter.includes('site') || filter.includes('admin'))
}

const siteEnv = (databaseUrl: string, url: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PAYLOAD_SECRET: 'test-secret',
  NEXT_PUBLIC_SERVER_URL: url,
  LAGON_NEXT_DIST_DIR: siteDistDir,
  MEDIA_DIR: path.join(root, '.data/test-media'),
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: '--no-deprecation',
  NODE_ENV: 'production',
})

/**
 * One instance of Lagon's production server on the site's build (`.next-test`, built once by the
 * global setup) and a database: the site, or a second instance beside it (tests/site/instances),
 * which answers for the same public address.
 */
export const startSiteServer = async (
  databaseUrl: string,
  { port, publicUrl }: { port?: number; publicUrl?: string } = {},
): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> => {
  port ??= await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const server: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts', '--port', String(port)], {
    cwd: root,
    env: siteEnv(databaseUrl, publicUrl ?? url),
  })
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  await waitFor(
    async () => {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${output}`)
      return (await fetch(`${url}/api/health`)).ok
    },
    60_000,
    () => `server:\n${output}`,
  )
  return {
    url,
    output: () => output,
    stop: async () => {
      if (server.exitCode !== null) return
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      await exited
    },
  }
}

export const startSite = async (adminUrl: string): Promise<{ url: string; databaseUrl: string; stop: () => Promise<void> }> => {
  await recreateDatabase(adminUrl, siteDatabase, templates.seeded)
  const databaseUrl = withDatabase(adminUrl, siteDatabase)
  const port = await freePort()
  rmSync(path.join(root, siteDistDir), { recursive: true, force: true })
  await runOrThrow(path.join(root, 'node_modules/.bin/next'), ['build'], siteEnv(databaseUrl, `http://127.0.0.1:${port}`), { quiet: true })
  const server = await startSiteServer(databaseUrl, { port })
  return { url: server.url, databaseUrl, stop: server.stop }
}
