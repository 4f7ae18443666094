/**
 * One PostgreSQL server for the whole run: the embedded one on a port and data directory of its
 * own (never the dev database), or TEST_DATABASE_URL's server. Two template databases are built
 * once, through the same commands a developer runs, and every test file copies one of them.
 */
import './runId'

import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'
import { lagonCommand, runOrThrow } from '../../src/cli/processes'
import { runIncludesSiteTests, startSite, type SiteBuild } from './site'
import { dropDatabase, dropTestDatabases, recreateDatabase, siteDatabase, templates, withDatabase } from '../helpers/databases'

const root = path.resolve(import.meta.dirname, '../..')

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string
    /** The production site, when the run includes tests/site/ or tests/admin/. */
    site: { url: string; databaseUrl: string; build: SiteBuild } | null
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL
  let stopServer = async () => {}
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(root, '.data/postgres-test'),
      port: Number(process.env.LAGON_TEST_PG_PORT || 54329),
      database: 'postgres',
    })
    adminUrl = server.url
    stopServer = server.stop
  }
  try {
    await buildTemplates(adminUrl)
  } catch (error) {
    await stopServer()
    throw error
  }

  project.provide('adminUrl', adminUrl)
  await dropTestDatabases(adminUrl)
  let site: Awaited<ReturnType<typeof startSite>> | null = null
  if (runIncludesSiteTests()) {
    try {
      site = await startSite(adminUrl)
    } catch (error) {
      await stopServer()
      throw error
    }
  }
  project.provide('site', site && { url: site.url, databaseUrl: site.databaseUrl, build: site.build })
  return async () => {
    await site?.stop()
    await dropDatabase(adminUrl, siteDatabase)
    await dropTestDatabases(adminUrl)
    await dropDatabase(adminUrl, templates.seeded)
    await dropDatabase(adminUrl, templates.migrated)
    await stopServer()
  }
}

/** Each takes seconds: one still running after 2 minutes is stuck, and the run stops saying which. */
const scriptOptions = { quiet: true, timeoutMs: 120_000 }

/** The migrated template through `npm run migrate`'s command, the seeded one through `npm run seed`'s. */
const buildTemplates = async (adminUrl: string) => {
  const env = {
    ...process.env,
    PAYLOAD_SECRET: 'test-secret',
    NODE_OPTIONS: '--no-deprecation',
    MEDIA_DIR: path.join(root, '.data/test-media'),
  }
  await recreateDatabase(adminUrl, templates.migrated)
  await runOrThrow(...lagonCommand('migrate'), { ...env, DATABASE_URL: withDatabase(adminUrl, templates.migrated) }, scriptOptions)
  await recreateDatabase(adminUrl, templates.seeded, templates.migrated)
  await runOrThrow(...lagonCommand('seed'), { ...env, DATABASE_URL: withDatabase(adminUrl, templates.seeded) }, scriptOptions)
}
