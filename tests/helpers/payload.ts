import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { inject } from 'vitest'

import { recreateDatabase, testDatabasePrefix, templates, withDatabase } from './databases'

export type TestPayload = { payload: Payload; databaseUrl: string; mediaDir: string; close: () => Promise<void> }

/**
 * A Payload instance on a database of this test file's own: a copy of the migrated (empty) or
 * seeded template, or a blank database. Payload reads its configuration from the environment
 * when the config module loads, so the environment is set before the first import.
 */
export const startPayload = async (
  template: keyof typeof templates | 'blank',
  env: Record<string, string> = {},
): Promise<TestPayload> => {
  const adminUrl = inject('adminUrl')
  const name = `${testDatabasePrefix}${randomBytes(6).toString('hex')}`
  await recreateDatabase(adminUrl, name, template === 'blank' ? undefined : templates[template])
  return connectPayload(withDatabase(adminUrl, name), env)
}

/** A Payload instance on an existing database (the built site's, for instance). */
export const connectPayload = async (databaseUrl: string, env: Record<string, string> = {}): Promise<TestPayload> => {
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'lagon-media-'))
  Object.assign(process.env, { DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'test-secret', MEDIA_DIR: mediaDir, ...env })
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  return {
    payload,
    databaseUrl,
    mediaDir,
    // The database itself is dropped after the run, once no pool holds a connection to it.
    close: () => payload.destroy(),
  }
}
