import pg from 'pg'

import { databaseAddress } from '@/db/connection'

/**
 * The database's part of a backup: every row of every table, as JSON (`to_jsonb`), read in one
 * snapshot. Not pg_dump: the embedded PostgreSQL package ships no pg_dump, and a pg_dump older
 * than the server refuses to dump it (Debian 12's is 15, the embedded server and the Docker image
 * are 18). The schema needs no dump of its own: it is the committed migrations, named in the
 * manifest, which a restore applies before it loads the rows.
 */

/** Payload's record of applied migrations: a restore writes it by applying them. */
export const migrationsTable = 'payload_migrations'

const connectTimeoutMs = () => Number(process.env.DATABASE_CONNECT_TIMEOUT_MS || 5_000)

export const connect = async (url: string, command: string): Promise<pg.Client> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs() })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(`${command}: cannot reach the database at ${databaseAddress(url)}: ${(error as Error).message}`)
  }
  return client
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** The tables of the connection's schema (Payload's `public`), by name. */
export const listTables = async (client: pg.Client): Promise<string[]> => {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind in ('r', 'p') order by c.relname`,
  )
  return rows.map(({ name }) => name)
}

export const appliedMigrations = async (client: pg.Client): Promise<string[]> => {
  if (!(await listTables(client)).includes(migrationsTable)) return []
  const { rows } = await client.query<{ name: string }>(`select name from ${migrationsTable} where name <> 'dev' order by id`)
  return rows.map(({ name }) => name)
}

export const sequenceValues = async (client: pg.Client): Promise<Record<string, number | null>> => {
  const { rows } = await client.query<{ name: string; last_value: string | null }>(
    `select sequencename as name, last_value from pg_sequences where schemaname = current_schema() order by sequencename`,
  )
  return Object.fromEntries(rows.map(({ name, last_value }) => [name, last_value === null ? null : Number(last_value)]))
}

/** A table's rows, one JSON object a line, in parts of at most `partBytes` (each becomes an archive entry). */
export async function* tableParts(client: pg.Client, table: string, partBytes = 8 << 20): AsyncGenerator<{ part: Buffer; rows: number }> {
  const cursor = `backup_${table.replace(/\W/g, '_')}`
  await client.query(`declare ${quoted(cursor)} no scroll cursor for select to_jsonb(t)::text as row from ${quoted(table)} t`)
  let lines: string[] = []
  let bytes = 0
  for (;;) {
    const { rows } = await client.query<{ row: string }>(`fetch 1000 from ${quoted(cursor)}`)
    for (const { row } of rows) {
      lines.push(row)
      bytes += Buffer.byteLength(row) + 1
      if (bytes >= partBytes) {
        yield { part: Buffer.from(lines.join('\n') + '\n'), rows: lines.length }
        lines = []
        bytes = 0
      }
    }
    if (rows.length < 1000) break
  }
  await client.query(`close ${quoted(cursor)}`)
  if (lines.length > 0) yield { part: Buffer.from(lines.join('\n') + '\n'), rows: lines.length }
}

/** Rows of the tables that hold any, for the message that refuses a non-empty database. */
export const nonEmptyTables = async (client: pg.Client, tables: string[]): Promise<{ table: string; rows: number }[]> => {
  const found: { table: string; rows: number }[] = []
  for (const table of tables) {
    const { rows } = await client.query<{ count: string }>(`select count(*) from ${quoted(table)}`)
    const count = Number(rows[0]!.count)
    if (count > 0) found.push({ table, rows: count })
  }
  return found
}

/**
 * Drops every table, sequence and enum type of the schema (restore --replace), one by one: the
 * schema itself stays, with its owner and grants (PostgreSQL 15's `public` belongs to the
 * database's owner, not always to Lagon's user).
 */
export const dropSchemaObjects = async (client: pg.Client): Promise<void> => {
  const objects = async (sql: string) => (await client.query<{ name: string }>(sql)).rows.map(({ name }) => quoted(name))
  const inSchema = 'current_schema()::regnamespace'
  const tables = await objects(`select relname as name from pg_class where relkind in ('r', 'p') and relnamespace = ${inSchema}`)
  if (tables.length > 0) await client.query(`drop table if exists ${tables.join(', ')} cascade`)
  const sequences = await objects(`select relname as name from pg_class where relkind = 'S' and relnamespace = ${inSchema}`)
  if (sequences.length > 0) await client.query(`drop sequence if exists ${sequences.join(', ')} cascade`)
  const types = await objects(`select typname as name from pg_type where typtype = 'e' and typnamespace = ${inSchema}`)
  if (types.length > 0) await client.query(`drop type if exists ${types.join(', ')} cascade`)
}

type ForeignKey = { table: string; name: string; definition: string }

/** A table's columns but those PostgreSQL computes (`generated always as … stored`), which take no value. */
const storedColumns = async (client: pg.Client, table: string): Promise<string[]> => {
  const { rows } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
    [quoted(table)],
  )
  return rows.map(({ name }) => name)
}

/**
 * Loads rows into tables the migrations just made, in one transaction. Foreign keys are dropped
 * for the load and made again after it (checking every row then), as pg_restore does: rows come
 * table by table, in no order that the keys would accept, and disabling them needs a superuser.
 */
export const loadRows = async (
  client: pg.Client,
  rows: AsyncIterable<{ table: string; lines: string[] }>,
  sequences: Record<string, number | null>,
  onTable: (table: string, count: number) => void,
): Promise<void> => {
  await client.query('begin')
  try {
    const { rows: keys } = await client.query<ForeignKey>(
      `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace`,
    )
    for (const key of keys) await client.query(`alter table ${key.table} drop constraint ${quoted(key.name)}`)
    const tables = new Set(await listTables(client))
    for await (const { table, lines } of rows) {
      if (!tables.has(table)) throw new Error(`the archive has rows for a table this schema lacks: ${table}`)
      const columns = (await storedColumns(client, table)).map(quoted).join(', ')
      await client.query(
        `insert into ${quoted(table)} (${columns}) overriding system value select ${columns} from jsonb_populate_recordset(null::${quoted(table)}, $1::jsonb)`,
        [`[${lines.join(',')}]`],
      )
      onTable(table, lines.length)
    }
    for (const key of keys) await client.query(`alter table ${key.table} add constraint ${quoted(key.name)} ${key.definition}`)
    for (const [sequence, value] of Object.entries(sequences)) {
      if (value !== null) await client.query(`select setval($1::regclass, $2, true)`, [quoted(sequence), value])
    }
    await client.query('commit')
    // Fresh tables have no statistics: the planner would guess until autovacuum gets to them.
    await client.query('analyze')
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  }
}
