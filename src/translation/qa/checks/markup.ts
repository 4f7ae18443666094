import { signature } from '@/translation/segments/inline'

import { qaMessages } from '../labels'
import { minus, walkNodes } from '../text'
import type { Found, PairCheck, QaText } from '../types'

/** Text placeholders a template or a shortcode leaves in text: `{{carrier:slug}}`, `{name}`, `%s`, `%1$s`. */
const textPlaceholders = /\{\{[^{}]+\}\}|\{[A-Za-z_][\w.]*\}|%(?:\d+\$)?[sd]/g

const formatNames: [number, string][] = [
  [1, 'bold'],
  [2, 'italic'],
  [4, 'strikethrough'],
  [8, 'underline'],
  [16, 'code'],
]

/** Inline nodes that carry no words (line breaks, tabs, inline blocks), by what they are. */
const placeholders = ({ text, nodes }: QaText): string[] => [
  ...[...walkNodes(nodes)]
    .filter((node) => node.type !== 'text' && node.type !== 'link' && node.type !== 'autolink')
    .map((node) => (node.type === 'linebreak' || node.type === 'tab' ? node.type : `${node.type}:${signature(node)}`)),
  ...(text.match(textPlaceholders) ?? []),
]

const formats = ({ nodes }: QaText): Set<string> => {
  const used = new Set<string>()
  for (const node of walkNodes(nodes)) {
    if (node.type !== 'text') continue
    for (const [bit, name] of formatNames) if ((Number(node.format) & bit) !== 0) used.add(name)
  }
  return used
}

const codeRuns = ({ nodes }: QaText): string[] =>
  [...walkNodes(nodes)].filter((node) => node.type === 'text' && (Number(node.format) & 16) !== 0).map((node) => String(node.text ?? ''))

/**
 * Inline markup is the source's: placeholders (line breaks, inline blocks, `{{…}}`) and code runs
 * kept exactly (errors); bold, italic and the like still used (a warning: a translation may
 * rightly place emphasis differently).
 */
export const markupCheck: PairCheck = ({ source, target }) => {
  const found: Found[] = []
  const missing = minus(placeholders(source), placeholders(target))
  const added = minus(placeholders(target), placeholders(source))
  if (missing.length || added.length) {
    found.push({ code: 'placeholder-mismatch', severity: 'error', message: qaMessages.placeholderMismatch(missing, added) })
  }
  const targetCode = codeRuns(target).join('\u0000')
  for (const code of codeRuns(source)) {
    if (!targetCode.includes(code)) found.push({ code: 'code-changed', severity: 'error', message: qaMessages.codeChanged(code) })
  }
  const from = formats(source)
  const to = formats(target)
  const lost = [...from].filter((name) => !to.has(name))
  const gained = [...to].filter((name) => !from.has(name))
  if (lost.length || gained.length) {
    found.push({ code: 'formatting-changed', severity: 'warning', message: qaMessages.formattingChanged(lost, gained) })
  }
  return found
}
