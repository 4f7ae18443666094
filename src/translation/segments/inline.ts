import { canonicalJson } from '@/translation/fingerprint'

/** A serialized Lexical node, as Payload stores it. */
export type LexicalNode = { type: string; [key: string]: unknown }

/**
 * A segment's inline content in a form every exchange format can carry: plain text, paired codes
 * (`pc`: a formatted text run or a link, around translatable text) and placeholders (`ph`: a line
 * break or any other inline node, nothing to translate). Codes are numbered in document order; the
 * number is how a translation points back at the source node whose attributes it keeps.
 */
export type InlinePart =
  | { kind: 'text'; text: string }
  | { kind: 'pc'; id: string; children: InlinePart[] }
  | { kind: 'ph'; id: string }

/** A code of the source segment and the node it stands for. */
export type SourceCode = { kind: 'pc' | 'ph'; node: LexicalNode; parent: string | null }

export type InlineContent = { parts: InlinePart[]; codes: Map<string, SourceCode> }

const plainTextDefaults = { detail: 0, format: 0, mode: 'normal', style: '', type: 'text', version: 1 }

const plainText = (text: string): LexicalNode => ({ ...plainTextDefaults, text })

/** A text node with nothing but its text: carried as bare text, rebuilt with Lexical's defaults. */
const isPlainText = (node: LexicalNode): boolean =>
  node.type === 'text' && canonicalJson(node) === canonicalJson(plainText(String(node.text ?? '')))

/** Nodes that live inside a paragraph-like block. */
const inlineTypes = new Set(['text', 'linebreak', 'tab', 'link', 'autolink', 'inlineBlock'])

export const isInline = (node: unknown): node is LexicalNode =>
  Boolean(node && typeof node === 'object' && inlineTypes.has((node as LexicalNode).type))

/** What a node is apart from its words: two nodes with the same signature differ only in text. */
export const signature = (node: LexicalNode): string => {
  const { text: _text, children: _children, ...rest } = node
  return canonicalJson(rest)
}

/** The inline parts of a block's children, numbering each code. */
export const inlineContent = (children: LexicalNode[]): InlineContent => {
  const codes = new Map<string, SourceCode>()
  let next = 1
  const walk = (nodes: LexicalNode[], parent: string | null): InlinePart[] => {
    const parts: InlinePart[] = []
    nodes.forEach((node, index) => {
      const previous = nodes[index - 1]
      // Two plain runs side by side would merge into one on the way back: the second gets a code.
      if (isPlainText(node) && !(previous && isPlainText(previous))) {
        parts.push({ kind: 'text', text: String(node.text) })
        return
      }
      const id = String(next++)
      if (node.type === 'text') {
        codes.set(id, { kind: 'pc', node, parent })
        parts.push({ kind: 'pc', id, children: [{ kind: 'text', text: String(node.text ?? '') }] })
      } else if ((node.type === 'link' || node.type === 'autolink') && Array.isArray(node.children)) {
        codes.set(id, { kind: 'pc', node, parent })
        parts.push({ kind: 'pc', id, children: walk(node.children as LexicalNode[], id) })
      } else {
        codes.set(id, { kind: 'ph', node, parent })
        parts.push({ kind: 'ph', id })
      }
    })
    return parts
  }
  return { parts: walk(children, null), codes }
}

/** The words of inline parts, without markup: what says whether a block has anything to translate. */
export const partsText = (parts: InlinePart[]): string =>
  parts.map((part) => (part.kind === 'text' ? part.text : part.kind === 'pc' ? partsText(part.children) : '')).join('')

/** Adjacent text parts merged, empty ones dropped: parsers split text at entities and comments. */
export const normalizeParts = (parts: InlinePart[]): InlinePart[] => {
  const out: InlinePart[] = []
  for (const part of parts) {
    const normalized = part.kind === 'pc' ? { ...part, children: normalizeParts(part.children) } : part
    const last = out[out.length - 1]
    if (normalized.kind === 'text') {
      if (!normalized.text) continue
      if (last?.kind === 'text') {
        out[out.length - 1] = { kind: 'text', text: last.text + normalized.text }
        continue
      }
    }
    out.push(normalized)
  }
  return out
}

export class MarkupMismatch extends Error {}

/**
 * Checks that translated parts use the source's codes: each exactly once, of the same kind, under
 * the same parent, with only text inside a formatted run. Order may change: translations reorder.
 */
export const checkMarkup = (source: InlineContent, target: InlinePart[]): void => {
  const seen = new Set<string>()
  const walk = (parts: InlinePart[], parent: string | null) => {
    for (const part of parts) {
      if (part.kind === 'text') continue
      const code = source.codes.get(part.id)
      const tag = part.kind === 'pc' ? `<pc id="${part.id}">` : `<ph id="${part.id}"/>`
      if (!code) throw new MarkupMismatch(`${tag} is not in the source`)
      if (code.kind !== part.kind) throw new MarkupMismatch(`${tag} is a <${code.kind}> in the source`)
      if (seen.has(part.id)) throw new MarkupMismatch(`${tag} appears twice`)
      if (code.parent !== parent) throw new MarkupMismatch(`${tag} is not nested as in the source`)
      seen.add(part.id)
      if (part.kind === 'pc') {
        if (code.node.type === 'text' && part.children.some((child) => child.kind !== 'text')) {
          throw new MarkupMismatch(`${tag} is formatted text: it cannot hold markup`)
        }
        walk(part.children, part.id)
      }
    }
  }
  walk(target, null)
  const missing = [...source.codes.keys()].filter((id) => !seen.has(id))
  if (missing.length > 0) throw new MarkupMismatch(`code(s) ${missing.join(', ')} of the source are missing`)
}

/** Lexical nodes from translated parts: each code takes its source node's attributes, the text is the translation's. */
export const rebuildInline = (source: InlineContent, parts: InlinePart[]): LexicalNode[] =>
  normalizeParts(parts).flatMap((part): LexicalNode[] => {
    if (part.kind === 'text') return [plainText(part.text)]
    const { node } = source.codes.get(part.id)!
    if (part.kind === 'ph') return [structuredClone(node)]
    if (node.type === 'text') {
      const text = partsText(part.children)
      return text ? [{ ...structuredClone(node), text }] : []
    }
    return [{ ...structuredClone(node), children: rebuildInline(source, part.children) }]
  })

/**
 * A translation's parts numbered with the source's codes, matched by signature (same formatting,
 * same link), or null when its markup is not the source's: then it cannot be shown against it.
 */
export const partsInSourceCodes = (source: InlineContent, targetChildren: LexicalNode[]): InlinePart[] | null => {
  const target = inlineContent(targetChildren)
  const used = new Set<string>()
  const mapping = new Map<string, string>()
  for (const [targetId, code] of target.codes) {
    const parent = code.parent === null ? null : mapping.get(code.parent)
    if (parent === undefined) return null
    const match = [...source.codes].find(
      ([id, candidate]) =>
        !used.has(id) && candidate.kind === code.kind && candidate.parent === parent && signature(candidate.node) === signature(code.node),
    )
    if (!match) return null
    used.add(match[0])
    mapping.set(targetId, match[0])
  }
  if (used.size !== source.codes.size) return null
  const renumber = (parts: InlinePart[]): InlinePart[] =>
    parts.map((part) =>
      part.kind === 'text'
        ? part
        : part.kind === 'ph'
          ? { kind: 'ph', id: mapping.get(part.id)! }
          : { kind: 'pc', id: mapping.get(part.id)!, children: renumber(part.children) },
    )
  return renumber(target.parts)
}
