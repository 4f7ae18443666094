import path from 'node:path'

import { runStep, startService, waitUntil, type Service } from './processes'

export type AppSetup = {
  /** The snapshot of the work tree the app is built and served from. */
  appDir: string
  databaseUrl: string
  port: number
  mediaDir: string
}

export const appUrl = (port: number) => `http://127.0.0.1:${port}`

/**
 * The environment every app command gets: the bench's own database and media folder, and none of
 * the developer's settings that would point it elsewhere (their DATABASE_URL, build folder, port).
 */
function appEnv({ databaseUrl, port, mediaDir }: AppSetup): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // Any value: the bench signs in nobody.
    PAYLOAD_SECRET: 'lagon-bench-secret',
    SITE_URL: appUrl(port),
    MEDIA_DIR: mediaDir,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: '--no-deprecation',
  }
  // The snapshot is a folder of its own, so Next's default `.next` there is nobody else's.
  for (const name of ['LAGON_NEXT_DIST_DIR', 'PORT', 'NODE_ENV', 'LAGON_DATA_DIR', 'LAGON_PG_PORT']) delete env[name]
  return env
}

const bin = (setup: AppSetup, name: string) => path.join(setup.appDir, 'node_modules/.bin', name)

/** One of the snapshot's own commands (src/cli/run.mjs), as `npm run` runs it. */
const command = (setup: AppSetup, name: string, ...args: string[]): [string, string[]] => [
  process.execPath,
  [path.join(setup.appDir, 'src/cli/run.mjs'), name, ...args],
]

/** The repo's own commands: migrations, then the seed (the guide in content/, all three locales). */
export async function migrateAndSeed(setup: AppSetup): Promise<void> {
  const options = { cwd: setup.appDir, env: appEnv(setup) }
  await runStep('migrate', ...command(setup, 'migrate'), options)
  await runStep('seed', ...command(setup, 'seed'), options)
}

/**
 * `next build` for production (it needs no database and bakes in no address). With `peakFile`,
 * run under GNU time, which writes there the peak resident memory (KB) of its largest process.
 */
export async function buildApp(setup: AppSetup, peakFile?: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...appEnv(setup), NODE_ENV: 'production' as const }
  const [command, args] = peakFile
    ? ['/usr/bin/time', ['-f', '%M', '-o', peakFile, bin(setup, 'next'), 'build']]
    : [bin(setup, 'next'), ['build']]
  await runStep('next build', command, args, { cwd: setup.appDir, env })
}

/**
 * Lagon's production server (`src/server/main.ts`), as `npm start` runs it, ready once its health
 * endpoint answers. `nodeArgs` go to Node itself (bench:api's `--cpu-prof`, which NODE_OPTIONS refuses).
 */
export async function startApp(setup: AppSetup, nodeArgs: string[] = []): Promise<Service> {
  const env: NodeJS.ProcessEnv = { ...appEnv(setup), NODE_ENV: 'production' as const }
  const [program, args] = command(setup, 'server', '--port', String(setup.port), '--hostname', '127.0.0.1')
  const server = startService('lagon server', program, [...nodeArgs, ...args], {
    cwd: setup.appDir,
    env,
    // SIGINT reaches the server once: run.mjs's launcher ignores it, where it would pass a SIGTERM
    // on to a server that already had the group's, and a second SIGTERM ends it before `--cpu-prof`
    // writes its profile.
    stopSignal: 'SIGINT',
  })
  const url = appUrl(setup.port)
  await waitUntil('lagon server', async () => (await fetch(`${url}/api/health`)).ok, server, 120_000)
  return server
}
