import { conversionOf, type Locale } from '@/lib/locales'

import { deeplProvider } from './deepl'
import { openccProvider } from './opencc'
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

/**
 * The provider that makes `target`'s text from `source`'s: OpenCC where `target` is declared as a
 * conversion of `source` (zh-Hant of zh; always there, no key), else the configured service.
 */
export const providerFor = (source: Locale, target: Locale, env: NodeJS.ProcessEnv = process.env): TranslationProvider | null =>
  conversionOf(source, target) ? openccProvider : configuredProvider(env)
