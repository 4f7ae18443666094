/**
 * The reader site as readers get it: `npm run build` in a copy of the work tree, as the Docker
 * image builds it (no DATABASE_URL, no PAYLOAD_SECRET, and any attempt to reach a database is
 * counted), then Lagon's server from that build (dist/server.mjs, what the image runs) on a
 * database of its own copied from the seeded template. Built only when the run includes the
 * browser tests in tests/site/ or tests/admin/.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { copyBuiltTree, snapshotWorkTree } from '../helpers/workTree'
import { runOrThrow } from '../../src/cli/processes'
import { recreateDatabase, siteDatabase, templates, withDatabase } from '../helpers/databases'
import { copyOfBuild, serverEnv, startServerProcess, type ServerProcess } from '../helpers/serverProcess'

const root = path.resolve(import.meta.dirname, '../..')

export const runIncludesSiteTests = (argv = process.argv): boolean => {
  const filters = argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run' && !arg.includes('vitest'))
  return filters.length === 0 || filters.some((filter) => filter.includes('site') || filter.includes('admin'))
}

/** What the build did, for tests/site/build.test.ts. */
export type SiteBuild = {
  /** The copy of the work tree the build ran in, as the build left it: no server runs there. */
  dir: string
  /** Connections the build opened to the PostgreSQL address it was given: there must be none. */
  databaseConnections: number
  /** The pages `next build` made, as it left them (before any server rendered more there). */
  prerenderedPages: string[]
  /** Those of them that contain a local address (http://localhost…, http://127.0.0.1…). */
  pagesNamingAnAddress: string[]
}

/** A port that counts the connections made to it, and answers none. */
const tripwire = async (): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> => {
  let connections = 0
  const server: Server = createServer((socket) => {
    connections += 1
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { port, connections: () => connections, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** Without DATABASE_URL, pg's defaults come from PGHOST and PGPORT: both lead to the tripwire. */
const buildEnvironment = (databasePort: number): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: '127.0.0.1', PGPORT: String(databasePort), NEXT_TELEMETRY_DISABLED: '1' }
  for (const name of ['DATABASE_URL', 'PAYLOAD_SECRET', 'SITE_URL', 'NEXT_PUBLIC_SERVER_URL', 'LAGON_NEXT_DIST_DIR', 'NODE_ENV']) delete env[name]
  return env
}

/** `npm run build` in a copy of the work tree, with nothing of a deployment. */
const buildSite = async (): Promise<SiteBuild> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lagon-site-build-'))
  snapshotWorkTree(root, dir)
  const database = await tripwire()
  try {
    await runOrThrow('npm', ['run', 'build'], buildEnvironment(database.port), { quiet: true, what: `npm run build in ${dir}`, cwd: dir })
    const pagesDir = path.join(dir, '.next/server/app')
    const prerenderedPages = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(html|rsc|meta|body)$/.test(file))
    const pagesNamingAnAddress = prerenderedPages.filter((page) =>
      /https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(readFileSync(path.join(pagesDir, page), 'utf8')),
    )
    return { dir, databaseConnections: database.connections(), prerenderedPages, pagesNamingAnAddress }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  } finally {
    await database.close()
  }
}

type ServerSettings = { databaseUrl: string; siteUrl?: string }

/** Lagon's server from a build, as the Docker image runs it, ready once its health endpoint answers. */
export const startBuiltServer = async (dir: string, { databaseUrl, siteUrl }: ServerSettings): Promise<ServerProcess> =>
  startServerProcess(dir, { ...serverEnv(databaseUrl), ...(siteUrl && { SITE_URL: siteUrl }) })

export const startSite = async (
  adminUrl: string,
): Promise<{ url: string; databaseUrl: string; build: SiteBuild; stop: () => Promise<void> }> => {
  await recreateDatabase(adminUrl, siteDatabase, templates.seeded)
  const databaseUrl = withDatabase(adminUrl, siteDatabase)
  const build = await buildSite()
  // The site runs from a copy: Next keeps the pages it renders in its build folder, and
  // tests/site/build.test.ts starts another server of the build as it was made.
  const serverDir = mkdtempSync(path.join(tmpdir(), 'lagon-site-'))
  const removeFolders = () => {
    for (const dir of [build.dir, serverDir]) rmSync(dir, { recursive: true, force: true })
  }
  try {
    copyBuiltTree(build.dir, serverDir)
    const server = await startBuiltServer(serverDir, { databaseUrl })
    return {
      url: server.url,
      databaseUrl,
      build,
      stop: async () => {
        await server.stop()
        removeFolders()
      },
    }
  } catch (error) {
    removeFolders()
    throw error
  }
}

/**
 * Another instance of Lagon's production server beside the site's (tests/site/instances): a copy
 * of the same build, as each container of a deployment has its own, on the same database and
 * answering for the same public address.
 */
export const startSiteServer = async (
  build: SiteBuild,
  databaseUrl: string,
  { publicUrl }: { publicUrl?: string } = {},
): Promise<{ url: string; stop: () => Promise<void> }> => {
  const copy = copyOfBuild(build.dir)
  try {
    const server = await startBuiltServer(copy.dir, { databaseUrl, siteUrl: publicUrl })
    return {
      url: server.url,
      stop: async () => {
        await server.stop()
        copy.remove()
      },
    }
  } catch (error) {
    copy.remove()
    throw error
  }
}
