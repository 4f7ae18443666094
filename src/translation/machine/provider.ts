import type { Locale } from '@/lib/locales'
import type { InlineContent, InlinePart } from '@/translation/segments/inline'

/** The machine providers Lagon has: what a translation's `machineProvider` records made it. */
export const machineProviders = ['deepl', 'opencc'] as const
export type MachineProviderName = (typeof machineProviders)[number]

/** Source term → target term, for one language pair. */
export type GlossaryTerms = Record<string, string>

export type TranslateRequest = {
  /** Each segment's words with its inline codes (formatting, links, placeholders). */
  segments: InlineContent[]
  source: Locale
  target: Locale
  glossary?: GlossaryTerms
}

/**
 * A machine translation service. It returns, for each segment, the translated parts using the same
 * codes as the source (a code it drops or invents is caught by the caller's markup check).
 */
export interface TranslationProvider {
  readonly name: MachineProviderName
  translate(request: TranslateRequest): Promise<InlinePart[][]>
}

/** An error of the provider (refused key, quota, unreachable): the endpoint answers 502. */
export class ProviderError extends Error {}
