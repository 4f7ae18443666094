import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { Converter } from 'opencc-js/t2cn'

import { searchDictionaryText } from './dictionary'

type Tools = { jieba: Jieba; toSimplified: (text: string) => string }

/** On globalThis: jieba's dictionary takes a few hundred milliseconds to load, once per process however many bundles import this. */
const key = Symbol.for('lagon.search.chinese')

const tools = (): Tools => {
  const global = globalThis as Record<symbol, Tools | undefined>
  if (!global[key]) {
    const jieba = Jieba.withDict(dict)
    jieba.loadDict(Buffer.from(searchDictionaryText()))
    // Taiwan's forms: OpenCC's standard Traditional characters and Taiwan's variants (台, 裡, 著).
    global[key] = { jieba, toSimplified: Converter({ from: 'tw', to: 'cn' }) }
  }
  return global[key]!
}

/** Traditional characters as Simplified, the form the guides are written in (支付寶 → 支付宝). */
export const toSimplified = (text: string): string => tools().toSimplified(text)

/** A token worth indexing: it holds a letter or a digit (not punctuation, not spaces). */
const isWord = (token: string): boolean => /[\p{L}\p{N}]/u.test(token)

/**
 * Chinese text as search tokens, Simplified and lower-cased. `index`: jieba's search mode, every
 * word and the shorter words inside it (电话卡 → 电话, 电话卡), so that a reader's shorter word
 * finds the longer one. `query`: each word once, as the reader wrote it.
 */
export const chineseTokens = (text: string, mode: 'index' | 'query'): string[] => {
  const { jieba } = tools()
  const simplified = toSimplified(text.normalize('NFKC'))
  const tokens = mode === 'index' ? jieba.cutForSearch(simplified, true) : jieba.cut(simplified, true)
  return tokens.map((token) => token.trim().toLowerCase()).filter(isWord)
}

/**
 * The shorter words jieba's search mode finds inside one word that, end to end, make up the whole
 * of it (支付宝绑卡 → 支付宝, 绑卡), or none: 支付 alone does not stand for 支付宝.
 */
export const wordsInside = (word: string): string[] => {
  const parts = chineseTokens(word, 'index').filter((token) => token !== word && token.length < word.length)
  const tile = (from: number): string[] | undefined => {
    if (from === word.length) return []
    for (const part of parts) {
      if (!word.startsWith(part, from)) continue
      const rest = tile(from + part.length)
      if (rest) return [part, ...rest]
    }
    return undefined
  }
  return parts.length > 0 ? (tile(0) ?? []) : []
}
