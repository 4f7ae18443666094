import type pg from 'pg'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/**
 * Migrations run one process at a time: instances started together (a deploy of N replicas)
 * each apply pending migrations when they connect (`prodMigrations`), and `npm run migrate` may
 * run beside them. Each waits for a PostgreSQL advisory lock; the ones after the first find
 * nothing left to apply.
 */
export const withMigrationLock = <T extends BaseDatabaseAdapter>(adapter: DatabaseAdapterObj<T>): DatabaseAdapterObj<T> => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args)
    const migrate = db.migrate
    db.migrate = async (options) => {
      const client = await (db as unknown as { pool: pg.Pool }).pool.connect()
      try {
        await client.query(`select pg_advisory_lock(hashtext('lagon:migrations'))`)
        return await migrate.call(db, options)
      } finally {
        await client.query(`select pg_advisory_unlock(hashtext('lagon:migrations'))`).catch(() => {})
        client.release()
      }
    }
    return db
  },
})
