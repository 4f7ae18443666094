import { lexicalText } from '@/lib/lexicalText'

import type { TranslatableContent } from './sourceContent'

export type DiffPart = { type: 'equal' | 'added' | 'removed'; text: string }

/** What changed in one field of the source: its text then and now, and the difference. */
export type FieldChange = { path: string; before: string; after: string; parts: DiffPart[] }

/** Above this many cells the LCS table costs more than it tells: the run is shown replaced whole. */
const maxTableCells = 2_000_000

type Op<T> = { type: DiffPart['type']; item: T }

/** Longest-common-subsequence diff of two sequences, with the common ends trimmed first. */
const diffSequences = <T>(a: T[], b: T[]): Op<T>[] => {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const head = a.slice(0, start).map((item): Op<T> => ({ type: 'equal', item }))
  const tail = a.slice(endA).map((item): Op<T> => ({ type: 'equal', item }))
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  const n = midA.length
  const m = midB.length
  if ((n + 1) * (m + 1) > maxTableCells) {
    return [
      ...head,
      ...midA.map((item): Op<T> => ({ type: 'removed', item })),
      ...midB.map((item): Op<T> => ({ type: 'added', item })),
      ...tail,
    ]
  }
  // lengths[i * (m + 1) + j]: LCS length of midA[i..] and midB[j..]
  const lengths = new Uint32Array((n + 1) * (m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] =
        midA[i] === midB[j]
          ? lengths[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!)
    }
  }
  const middle: Op<T>[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (midA[i] === midB[j]) {
      middle.push({ type: 'equal', item: midA[i++]! })
      j++
    } else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) {
      middle.push({ type: 'removed', item: midA[i++]! })
    } else {
      middle.push({ type: 'added', item: midB[j++]! })
    }
  }
  while (i < n) middle.push({ type: 'removed', item: midA[i++]! })
  while (j < m) middle.push({ type: 'added', item: midB[j++]! })
  return [...head, ...middle, ...tail]
}

/**
 * Words of alphabetic scripts, single characters of Chinese and Japanese (which have no spaces
 * between words), runs of spaces, single punctuation marks.
 */
const tokenPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}_'’-]+|\s+|[^\s]/gu

const tokens = (text: string): string[] => text.match(tokenPattern) ?? []

const joined = (parts: DiffPart[]): DiffPart[] =>
  parts.reduce<DiffPart[]>((out, part) => {
    const last = out[out.length - 1]
    if (!part.text) return out
    if (last && last.type === part.type) last.text += part.text
    else out.push({ ...part })
    return out
  }, [])

/**
 * A word-level (character-level for Chinese) diff of two texts. Lines (one per rich-text block)
 * are matched first, then the words within each run of changed lines, so a long article stays cheap.
 */
export const textDiff = (before: string, after: string): DiffPart[] => {
  const lines = diffSequences(before.split('\n'), after.split('\n'))
  const parts: DiffPart[] = []
  let removed: string[] = []
  let added: string[] = []
  const flush = () => {
    if (removed.length || added.length) {
      const words = diffSequences(tokens(removed.join('\n')), tokens(added.join('\n')))
      parts.push(...words.map(({ type, item }) => ({ type, text: item })), { type: 'equal', text: '\n' })
    }
    removed = []
    added = []
  }
  for (const { type, item } of lines) {
    if (type === 'removed') removed.push(item)
    else if (type === 'added') added.push(item)
    else {
      flush()
      parts.push({ type, text: `${item}\n` })
    }
  }
  flush()
  const out = joined(parts)
  const last = out[out.length - 1]
  if (last?.type === 'equal') last.text = last.text.replace(/\n$/, '')
  return out.filter((part) => part.text)
}

/** A translatable value as the text a translator reads: rich text as plain text, one line per block. */
export const plainText = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object' && 'root' in value) return lexicalText(value)
  return String(value)
}

/** What changed in the source between the snapshot a translation was made from and now, field by field. */
export const sourceChanges = (snapshot: TranslatableContent, current: TranslatableContent): FieldChange[] => {
  const paths = [...new Set([...Object.keys(snapshot), ...Object.keys(current)])]
  return paths.flatMap((path) => {
    const before = plainText(snapshot[path])
    const after = plainText(current[path])
    return before === after ? [] : [{ path, before, after, parts: textDiff(before, after) }]
  })
}
