import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { startEmbeddedPostgres, type RunningDatabase } from './embeddedPostgres'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The dev server's embedded PostgreSQL: its own port, since 5432 is often a system server. */
export const devDatabase = {
  dataDir: process.env.LAGON_DATA_DIR || path.join(projectRoot, '.data/postgres'),
  port: Number(process.env.LAGON_PG_PORT || 54320),
  database: 'lagon',
}

/** `DATABASE_URL` when set; otherwise the embedded server, started on demand. */
export const ensureDatabase = async (log?: (line: string) => void): Promise<RunningDatabase> => {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => {} }
  }
  return startEmbeddedPostgres({ ...devDatabase, log })
}
