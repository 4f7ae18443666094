import type { LexicalNode } from '@/translation/segments/inline'

import type { QaText } from './types'

/** Han characters and CJK punctuation: what makes a segment Chinese text. */
export const cjk = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/
export const han = /[\u3400-\u9fff\uf900-\ufaff]/

export const hasHan = (text: string): boolean => han.test(text)

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"'«»“”（）()，。、；！？]+/gi

/** The URLs written in a text, without the punctuation that ends the sentence around them. */
export const urlsIn = (text: string): string[] => (text.match(urlPattern) ?? []).map((url) => url.replace(/[.,;:!?]+$/, ''))

/** A text with its URLs replaced by a neutral word, so numbers and punctuation inside them are not read. */
export const withoutUrls = (text: string): string => text.replace(urlPattern, 'URL')

/** Every node under some inline nodes, depth first. */
export const walkNodes = function* (nodes: LexicalNode[]): Generator<LexicalNode> {
  for (const node of nodes) {
    yield node
    if (Array.isArray(node.children)) yield* walkNodes(node.children as LexicalNode[])
  }
}

/** The plain text of inline nodes: text runs joined, a line break as a newline. */
export const nodesText = (nodes: LexicalNode[]): string =>
  nodes
    .map((node) => {
      if (node.type === 'text') return String(node.text ?? '')
      if (node.type === 'linebreak') return '\n'
      if (node.type === 'tab') return '\t'
      if (Array.isArray(node.children)) return nodesText(node.children as LexicalNode[])
      return ''
    })
    .join('')

export const qaText = (value: string | LexicalNode[]): QaText =>
  typeof value === 'string' ? { text: value, nodes: [] } : { text: nodesText(value), nodes: value }

/** A short quote of a text around `index`, for a message. */
export const excerpt = (text: string, index = 0, radius = 18): string => {
  const start = Math.max(0, index - radius)
  const end = Math.min(text.length, index + radius)
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`
}

/** Whether `form` occurs in `text`: Latin forms as whole words and case-insensitively, others as they are. */
export const containsTerm = (text: string, form: string, { caseSensitive = false } = {}): boolean => {
  if (!form) return false
  if (han.test(form)) return text.includes(form)
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu').test(text)
}

/** A segment's prose: URLs and inline code replaced by neutral words (typography is for prose). */
export const proseOf = ({ text, nodes }: QaText): string => {
  let out = withoutUrls(text)
  for (const node of walkNodes(nodes)) {
    if (node.type === 'text' && (Number(node.format) & 16) !== 0 && node.text) out = out.replace(String(node.text), 'CODE')
  }
  return out
}

/** What is in `a` and not in `b`, counting repeats: two links in the source and one in the translation leave one. */
export const minus = (a: string[], b: string[]): string[] => {
  const left = [...b]
  return a.filter((value) => {
    const index = left.indexOf(value)
    if (index === -1) return true
    left.splice(index, 1)
    return false
  })
}
