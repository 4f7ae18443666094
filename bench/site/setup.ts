import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'
import type { AppSetup } from './app'
import { onCleanup } from './cleanup'
import { chromiumPath } from './lighthouse'
import { nginxBinary } from './nginx'
import type { Options } from './options'
import { freePort } from './processes'

export function checkTools(): void {
  if (!existsSync(nginxBinary)) throw new Error(`${nginxBinary} is missing: apt-get install -y nginx`)
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`)
}

/**
 * The temporary folder for everything: the copy of the app, PostgreSQL's files, nginx's root.
 * World-traversable, since PostgreSQL runs as the `postgres` user and nginx's workers as `nobody`.
 */
export function workFolder(options: Options): string {
  if (options.reuse) {
    if (!existsSync(path.join(options.reuse, 'bench.json'))) throw new Error(`${options.reuse} holds no kept bench run`)
    return options.reuse
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'lagon-bench-site-'))
  chmodSync(dir, 0o755)
  if (options.keep) console.log(`bench: keeping ${dir}`)
  else {
    onCleanup('temporary folder', () => rmSync(dir, { recursive: true, force: true }), { remove: dir })
  }
  return dir
}

/** The app's port (its SITE_URL): a reused run keeps it, so the pages it cached name the same address. */
export async function appPort(dir: string, reused: boolean): Promise<number> {
  const file = path.join(dir, 'bench.json')
  if (reused) return (JSON.parse(readFileSync(file, 'utf8')) as { appPort: number }).appPort
  const port = await freePort()
  writeFileSync(file, JSON.stringify({ appPort: port }))
  return port
}

export async function startDatabase(dir: string): Promise<string> {
  const port = await freePort()
  console.log(`bench: PostgreSQL on 127.0.0.1:${port}, files in ${dir}/postgres`)
  const dataDir = path.join(dir, 'postgres')
  const database = await startEmbeddedPostgres({ dataDir, port, database: 'lagon_bench' })
  onCleanup('PostgreSQL', () => database.stop(), { postgres: dataDir })
  return database.url
}

/** The work folder, the app's port and a started database: what every bench run begins with. */
export async function prepareApp(options: Options): Promise<{ dir: string; reused: boolean; setup: AppSetup }> {
  const dir = workFolder(options)
  const reused = Boolean(options.reuse)
  const setup: AppSetup = {
    appDir: path.join(dir, 'app'),
    port: await appPort(dir, reused),
    mediaDir: path.join(dir, 'media'),
    databaseUrl: await startDatabase(dir),
  }
  return { dir, reused, setup }
}
