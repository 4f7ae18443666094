import { getPayload, type Payload } from 'payload'

import { databaseAddress } from '@/db/connection'

import { loadEnvironment } from './environment'

/**
 * Payload for a command, once `.env` is loaded (the config reads the environment when it loads,
 * hence its late import). A database that cannot be reached, or that answers nothing within
 * DATABASE_CONNECT_TIMEOUT_MS, ends the command with a message naming it.
 */
export const commandPayload = async (command: string, options: { disableOnInit?: boolean } = {}): Promise<Payload> => {
  loadEnvironment()
  const { default: config } = await import('@payload-config')
  try {
    return await getPayload({ config, ...options })
  } catch (error) {
    console.error(
      `${command}: cannot start on the database at ${databaseAddress(process.env.DATABASE_URL)}: ` +
        (error instanceof Error ? error.message : String(error)),
    )
    process.exit(1)
  }
}
