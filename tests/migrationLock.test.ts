import pg from 'pg'
import { expect, inject, it } from 'vitest'

import { lagonCommand, runOrThrow } from '../src/cli/processes'
import { recreateDatabase, testDatabasePrefix, withDatabase } from './helpers/databases'

it('two processes migrating one empty database at once (instances starting together) apply each migration once, both succeeding', async () => {
  const adminUrl = inject('adminUrl')
  const name = `${testDatabasePrefix}migration_lock`
  await recreateDatabase(adminUrl, name)
  const databaseUrl = withDatabase(adminUrl, name)
  const env = { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'test-secret', NODE_OPTIONS: '--no-deprecation' }
  const migrate = () => runOrThrow(...lagonCommand('migrate'), env, { quiet: true, timeoutMs: 180_000 })
  await Promise.all([migrate(), migrate()])
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string; runs: string }>(`select name, count(*) as runs from payload_migrations where batch > 0 group by name`)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.filter((row) => row.runs !== '1')).toEqual([])
  } finally {
    await client.end()
  }
}, 400_000)
