/**
 * The reader site as readers get it: a production build (`next build`) served by Lagon's server
 * (src/server/main.ts, as `npm start` runs it), on a database of its own copied from the seeded
 * template. Built only when the run includes the browser tests in tests/site/ or tests/admin/.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'

import { runOrThrow } from '../../src/cli/processes'
import { recreateDatabase, siteDatabase, templates, withDatabase } from '../helpers/databases'
import { freePort } from '../helpers/ports'
import { startServerProcess } from '../helpers/serverProcess'

const root = path.resolve(import.meta.dirname, '../..')
export const siteDistDir = '.next-test'

export const runIncludesSiteTests = (argv = process.argv): boolean => {
  const filters = argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run' && !arg.includes('vitest'))
  return filters.length === 0 || filters.some((filter) => filter.includes('site') || filter.includes('admin'))
}

/** What every production server of the suite runs with: the suite's build, secret and media folder. */
export const siteServerEnv = (databaseUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PAYLOAD_SECRET: 'test-secret',
  LAGON_NEXT_DIST_DIR: siteDistDir,
  MEDIA_DIR: path.join(root, '.data/test-media'),
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: '--no-deprecation',
})

export const startSite = async (adminUrl: string): Promise<{ url: string; databaseUrl: string; stop: () => Promise<void> }> => {
  await recreateDatabase(adminUrl, siteDatabase, templates.seeded)
  const databaseUrl = withDatabase(adminUrl, siteDatabase)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env = { ...siteServerEnv(databaseUrl), NEXT_PUBLIC_SERVER_URL: url }
  rmSync(path.join(root, siteDistDir), { recursive: true, force: true })
  await runOrThrow(path.join(root, 'node_modules/.bin/next'), ['build'], { ...env, NODE_ENV: 'production' }, { quiet: true })
  const server = await startServerProcess(env, port)
  return { url, databaseUrl, stop: async () => void (await server.stop()) }
}
