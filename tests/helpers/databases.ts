import pg from 'pg'

/**
 * Every name carries the run's id (set by the global setup, inherited by the test workers), so
 * that a second run, of one file say, beside a full one never drops the other's databases.
 */
const run = process.env.LAGON_TEST_RUN ?? 'manual'

export const templates = { migrated: `lagon_test_${run}_migrated`, seeded: `lagon_test_${run}_seeded` } as const

export const siteDatabase = `lagon_test_${run}_site`

export const testDatabasePrefix = `lagon_test_${run}_file_`

export const withDatabase = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

const onServer = async <T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export const dropDatabase = (serverUrl: string, name: string): Promise<void> =>
  onServer(serverUrl, async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`)
  })

/** A new, empty database, or a copy of `template`. */
export const recreateDatabase = (serverUrl: string, name: string, template?: string): Promise<void> =>
  onServer(serverUrl, async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`)
    await client.query(`create database "${name}"${template ? ` template "${template}"` : ''}`)
  })

/** Drops every database a test file made. */
export const dropTestDatabases = (serverUrl: string): Promise<void> =>
  onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where starts_with(datname, $1)",
      [testDatabasePrefix],
    )
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`)
  })
