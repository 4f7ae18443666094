import { Converter } from 'opencc-js/cn2t'

import { conversionOf, locales, type ConvertedLocale, type Locale } from '@/lib/locales'
import type { InlineContent, InlinePart } from '@/translation/segments/inline'

import { ProviderError, type GlossaryTerms, type TranslateRequest, type TranslationProvider } from './provider'

type Convert = (text: string) => string

/** Lexical's format bit of inline code: left as written, as DeepL leaves it (`ignore_tags`). */
const codeFormat = 16

/** On globalThis: OpenCC's dictionaries take a moment to build, once per process however many bundles import this. */
const key = Symbol.for('lagon.translation.opencc')

const converter = (source: string, target: string): Convert => {
  const global = globalThis as Record<symbol, Map<string, Convert> | undefined>
  const cache = (global[key] ??= new Map())
  const name = `${source}→${target}`
  if (!cache.has(name)) cache.set(name, Converter({ from: source as 'cn', to: target as 'twp' }))
  return cache.get(name)!
}

/** The converter from `source`'s script to `target`'s, as `target` declares it (src/lib/localeDeclarations.ts). */
export const converterFor = (source: Locale, target: Locale): Convert => {
  const conversion = conversionOf(source, target)
  if (!conversion) throw new ProviderError(`${target} is not declared as a conversion of ${source} (src/lib/localeDeclarations.ts)`)
  return converter(conversion.opencc.source, conversion.opencc.target)
}

const escaped = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `text` converted, the glossary's source terms written as the glossary says (longest term first,
 * so 支付宝钱包 wins over 支付宝); only the text between terms goes through OpenCC.
 */
export const convertWithGlossary = (text: string, convert: Convert, glossary: GlossaryTerms = {}): string => {
  const terms = Object.keys(glossary).filter((term) => term.length > 0).sort((a, b) => b.length - a.length)
  if (terms.length === 0) return convert(text)
  const pattern = new RegExp(terms.map(escaped).join('|'), 'g')
  let out = ''
  let last = 0
  for (const match of text.matchAll(pattern)) {
    out += convert(text.slice(last, match.index)) + glossary[match[0]]
    last = match.index + match[0].length
  }
  return out + convert(text.slice(last))
}

/** A segment's parts with their text converted and their codes as they are (inline code left as written). */
const convertParts = (content: InlineContent, parts: InlinePart[], convert: (text: string) => string): InlinePart[] =>
  parts.map((part): InlinePart => {
    if (part.kind === 'text') return { kind: 'text', text: convert(part.text) }
    if (part.kind === 'ph') return part
    const node = content.codes.get(part.id)?.node
    if (node?.type === 'text' && Number(node.format) & codeFormat) return part
    return { ...part, children: convertParts(content, part.children, convert) }
  })

/**
 * Conversion between two scripts of one language (Simplified → Traditional with Taiwan's phrases)
 * by OpenCC, in this process: no key, no network. A machine provider like DeepL, so converted text
 * goes through the same workflow (needs-review drafts, a person's edits kept, the memory).
 */
export const openccProvider: TranslationProvider = {
  name: 'opencc',
  async translate({ segments, source, target, glossary }: TranslateRequest) {
    const convert = converterFor(source, target)
    const text = (value: string) => convertWithGlossary(value, convert, glossary)
    return segments.map((segment) => convertParts(segment, segment.parts, text))
  },
}

type Written<T> = Record<Exclude<Locale, ConvertedLocale>, T>

/** Texts written in each locale but the converted ones, completed with those converted from their source's (synthetic data, the scale seed). */
export const withConversions = <T extends string | readonly string[]>(written: Written<T>): Record<Locale, T> => {
  const all: Partial<Record<Locale, T>> = { ...written }
  for (const locale of locales) {
    if (!locale.conversion) continue
    const from = locale.conversion.from as Exclude<Locale, ConvertedLocale>
    const convert = converterFor(from, locale.code)
    const value = written[from]
    all[locale.code] = (typeof value === 'string' ? convert(value) : (value as readonly string[]).map(convert)) as T
  }
  return all as Record<Locale, T>
}
