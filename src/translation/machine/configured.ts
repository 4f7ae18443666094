import { deeplProvider } from './deepl'
import type { TranslationProvider } from './provider'

/**
 * The machine translation service this server is set up for, or null: without `DEEPL_API_KEY`
 * machine translation is off (the admin says so, the endpoint answers 503), nothing else changes.
 * Read on each call, so setting the key needs no code path of its own.
 */
export const configuredProvider = (env: NodeJS.ProcessEnv = process.env): TranslationProvider | null => {
  const key = env.DEEPL_API_KEY?.trim()
  if (!key) return null
  return deeplProvider(key, env.DEEPL_SERVER_URL?.trim() || undefined)
}
