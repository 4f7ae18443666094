import {
  DeepLError,
  GlossaryEntries,
  Translator,
  type GlossaryInfo,
  type SourceLanguageCode,
  type TargetLanguageCode,
} from 'deepl-node'

import { locales, type Locale } from '@/lib/locales'
import { valueFingerprint } from '@/translation/fingerprint'

import { fromDeeplXml, ignoredTags, toDeeplXml } from './deeplMarkup'
import { ProviderError, type GlossaryTerms, type TranslateRequest, type TranslationProvider } from './provider'

/** DeepL's codes of a locale, as the locale declares them (a variant for English and Chinese targets). */
const deeplCodes = (locale: Locale) => {
  const codes = locales.find((entry) => entry.code === locale)?.deepl
  if (!codes) throw new ProviderError(`DeepL does not translate ${locale} (no deepl codes in src/lib/localeDeclarations.ts)`)
  return codes as { source: SourceLanguageCode; target: TargetLanguageCode }
}

const glossaryPrefix = (source: Locale, target: Locale) => `lagon ${source}-${target} `

/**
 * The DeepL glossary holding exactly `terms` for the pair. Its name carries a hash of the terms:
 * an unchanged glossary is found and reused; a changed one is created anew and the pair's older
 * glossaries deleted (DeepL glossaries cannot be edited in place).
 */
const syncGlossary = async (
  translator: Translator,
  source: Locale,
  target: Locale,
  terms: GlossaryTerms,
): Promise<GlossaryInfo | undefined> => {
  const entries = Object.entries(terms).filter(([from, to]) => from.trim() && to.trim())
  if (entries.length === 0) return undefined
  const name = `${glossaryPrefix(source, target)}${valueFingerprint(Object.fromEntries(entries)).slice(0, 12)}`
  const existing = await translator.listGlossaries()
  for (const stale of existing.filter((info) => info.name.startsWith(glossaryPrefix(source, target)) && info.name !== name)) {
    await translator.deleteGlossary(stale)
  }
  const current = existing.find((info) => info.name === name)
  if (current) return current
  return translator.createGlossary(name, deeplCodes(source).source, deeplCodes(target).source, new GlossaryEntries({ entries: Object.fromEntries(entries) }))
}

/** DeepL takes at most 50 texts per request. */
const textsPerRequest = 50

/** Machine translation through DeepL's API, with the official client. */
export const deeplProvider = (authKey: string, serverUrl?: string): TranslationProvider => {
  const translator = new Translator(authKey, { ...(serverUrl ? { serverUrl } : {}), maxRetries: 2 })
  return {
    name: 'deepl',
    async translate({ segments, source, target, glossary }: TranslateRequest) {
      if (segments.length === 0) return []
      try {
        const glossaryInfo = glossary ? await syncGlossary(translator, source, target, glossary) : undefined
        const texts = segments.map(toDeeplXml)
        const out: ReturnType<typeof fromDeeplXml>[] = []
        for (let start = 0; start < texts.length; start += textsPerRequest) {
          const results = await translator.translateText(texts.slice(start, start + textsPerRequest), deeplCodes(source).source, deeplCodes(target).target, {
            tagHandling: 'xml',
            ignoreTags: ignoredTags,
            ...(glossaryInfo ? { glossary: glossaryInfo } : {}),
          })
          out.push(...results.map((result) => fromDeeplXml(result.text)))
        }
        return out
      } catch (error) {
        if (error instanceof DeepLError) throw new ProviderError(`DeepL: ${error.message}`)
        throw error
      }
    },
  }
}
