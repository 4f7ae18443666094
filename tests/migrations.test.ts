import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import { beforeAll, describe, expect, it, inject, vi } from 'vitest'

import { lagonCommand } from '@/cli/processes'

import { recreateDatabase, testDatabasePrefix, withDatabase } from './helpers/databases'

const root = path.join(import.meta.dirname, '..')
const migrationsDir = path.join(root, 'migrations')
const adminUrl = inject('adminUrl')
const databaseUrl = withDatabase(adminUrl, `${testDatabasePrefix}migrations`)
const env = { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'test-secret', NODE_OPTIONS: '--no-deprecation' }

const run = (command: string, ...args: string[]) =>
  spawnSync(...lagonCommand(command, ...args), { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

const query = async (sql: string) => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  await recreateDatabase(adminUrl, `${testDatabasePrefix}migrations`)
})

describe('migrations on an empty database', () => {
  it('the app refuses to start before they are applied, naming the command to run', () => {
    const seed = run('seed')
    expect(seed.status).not.toBe(0)
    expect(seed.stderr + seed.stdout).toMatch(/lacks \d+ migration\(s\).*npm run migrate/s)
  })

  it('npm run migrate applies every committed migration, and a second run is a no-op', async () => {
    const first = run('migrate')
    expect(first.status, first.stderr).toBe(0)
    const tables = (await query("select table_name from information_schema.tables where table_schema = 'public'")).map(
      (row) => row.table_name as string,
    )
    for (const table of ['articles', 'articles_locales', 'carriers_offers', 'tips', 'media', 'users', '_articles_v']) {
      expect(tables).toContain(table)
    }
    const committed = readdirSync(migrationsDir)
      .filter((file) => /^\d{8}_\d{6}.*\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
    const applied = (await query('select name from payload_migrations where batch > 0')).map((row) => row.name)
    expect(applied.sort()).toEqual(committed.sort())

    const second = run('migrate')
    expect(second.status).toBe(0)
    expect((await query('select count(*)::int as n from payload_migrations'))[0].n).toBe(committed.length)
  })

  it('the committed migrations match the config: no schema change lacks its migration', async () => {
    Object.assign(process.env, { DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'test-secret' })
    const { default: config } = await import('@payload-config')
    const { getPayload } = await import('payload')
    const payload = await getPayload({ config, disableOnInit: true })
    const before = new Set(readdirSync(migrationsDir))
    const indexFile = readFileSync(path.join(migrationsDir, 'index.ts'), 'utf8')
    // With nothing to write, Payload ends the process (exit 0): here that means "no drift".
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`)
    }) as never)
    try {
      try {
        await payload.db.createMigration({ migrationName: 'drift-check', payload, skipEmpty: true })
      } catch (error) {
        if ((error as Error).message !== 'exit 0') throw error
      }
    } finally {
      exit.mockRestore()
      const added = readdirSync(migrationsDir).filter((file) => !before.has(file))
      for (const file of added) rmSync(path.join(migrationsDir, file))
      writeFileSync(path.join(migrationsDir, 'index.ts'), indexFile)
      await payload.destroy()
      expect(added, 'the config changed the schema: run npm run migrate:create').toEqual([])
    }
  })
})



describe('generated files', () => {
  it('src/payload-types.ts is what `npm run generate:types` makes of the config', () => {
    // A name of this run's own: Payload writes nothing when the file holds the same types already,
    // and another run (or an aborted one) must not remove or leave the file this one reads.
    const output = path.join(root, `.data/payload-types.check-${process.pid}.ts`)
    const generated = spawnSync(...lagonCommand('generate-types'), {
      cwd: root,
      env: { ...env, PAYLOAD_TS_OUTPUT_PATH: output },
      encoding: 'utf8',
    })
    expect(generated.status, generated.stderr).toBe(0)
    const fresh = readFileSync(output, 'utf8')
    rmSync(output)
    expect(fresh === readFileSync(path.join(root, 'src/payload-types.ts'), 'utf8'), 'run npm run generate:types').toBe(true)
  })
})
