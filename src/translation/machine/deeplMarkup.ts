import { normalizeParts, type InlineContent, type InlinePart } from '@/translation/segments/inline'
import { escapeXml, orderedXmlParser, type XmlNode } from '@/translation/xml'

/**
 * Segments as DeepL reads them with `tag_handling: 'xml'`: formatted runs as `<t i="n">`, inline
 * code as `<c i="n">` and other inline nodes as `<x i="n"/>` (both in `ignore_tags`, so DeepL leaves
 * them as they are), links as `<a i="n">`, line breaks as `<br i="n"/>`.
 */
export const ignoredTags = ['c', 'x']

const codeFormat = 16

export const toDeeplXml = ({ parts, codes }: InlineContent): string =>
  parts
    .map((part) => {
      if (part.kind === 'text') return escapeXml(part.text)
      const node = codes.get(part.id)!.node
      if (part.kind === 'ph') return node.type === 'linebreak' ? `<br i="${part.id}"/>` : `<x i="${part.id}"/>`
      if (node.type === 'text') {
        const tag = Number(node.format) & codeFormat ? 'c' : 't'
        return `<${tag} i="${part.id}">${toDeeplXml({ parts: part.children, codes })}</${tag}>`
      }
      return `<a i="${part.id}">${toDeeplXml({ parts: part.children, codes })}</a>`
    })
    .join('')

const pairedTags = new Set(['t', 'c', 'a'])
const placeholderTags = new Set(['br', 'x'])

const partsOf = (nodes: XmlNode[]): InlinePart[] =>
  nodes.map((node): InlinePart => {
    if ('#text' in node) return { kind: 'text', text: String(node['#text']) }
    const tag = Object.keys(node).find((key) => key !== ':@')!
    const id = node[':@']?.i ?? ''
    if (pairedTags.has(tag)) return { kind: 'pc', id, children: partsOf(node[tag] as XmlNode[]) }
    if (placeholderTags.has(tag)) return { kind: 'ph', id }
    throw new Error(`DeepL returned an unknown tag <${tag}>`)
  })

/** DeepL's translation of one segment back into parts. */
export const fromDeeplXml = (xml: string): InlinePart[] => {
  const [wrapper] = orderedXmlParser.parse(`<segment>${xml}</segment>`) as XmlNode[]
  return normalizeParts(partsOf((wrapper?.segment ?? []) as XmlNode[]))
}
