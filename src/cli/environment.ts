import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { projectRoot } from '@/db/databaseUrl'

/**
 * Loads `.env` if present, and gives a local install a stable PAYLOAD_SECRET of its own
 * (kept in `.data/`) so that nobody runs with a secret copied from an example file.
 */
export const loadEnvironment = (): void => {
  const envFile = path.join(projectRoot, '.env')
  if (existsSync(envFile)) process.loadEnvFile(envFile)
  if (!process.env.PAYLOAD_SECRET) {
    const secretFile = path.join(projectRoot, '.data/payload-secret')
    if (!existsSync(secretFile)) {
      mkdirSync(path.dirname(secretFile), { recursive: true })
      writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 })
    }
    process.env.PAYLOAD_SECRET = readFileSync(secretFile, 'utf8').trim()
  }
}
