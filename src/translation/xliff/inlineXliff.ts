import { TranslationRequestError } from '@/translation/documents'
import { normalizeParts, type InlineContent, type InlinePart, type LexicalNode } from '@/translation/segments/inline'

import { attributesOf, childrenOf, escapeXml, isComment, isText, nameOf, type XmlNode } from '@/translation/xml'

const formatSubTypes: Record<number, string> = { 1: 'xlf:b', 2: 'xlf:i', 8: 'xlf:u' }

const dataRef = (id: string) => `d${id}`

/** How a code is typed for translation tools (XLIFF 2.0 §4.3.1.x `type`/`subType`). */
const codeType = (node: LexicalNode): string => {
  if (node.type === 'text') {
    const subType = formatSubTypes[Number(node.format)]
    return subType ? ` type="fmt" subType="${subType}"` : ' type="fmt"'
  }
  if (node.type === 'link' || node.type === 'autolink') return ' type="link"'
  if (node.type === 'linebreak') return ' type="fmt" subType="xlf:lb"'
  return ' type="other"'
}

/** Inline parts as XLIFF inline content: `<pc>` around formatted runs and links, `<ph/>` for the rest. */
export const toXliffInline = (parts: InlinePart[], codes: InlineContent['codes']): string =>
  parts
    .map((part) => {
      if (part.kind === 'text') return escapeXml(part.text)
      const node = codes.get(part.id)!.node
      if (part.kind === 'ph') return `<ph id="${part.id}" dataRef="${dataRef(part.id)}"${codeType(node)}/>`
      return `<pc id="${part.id}" dataRefStart="${dataRef(part.id)}"${codeType(node)}>${toXliffInline(part.children, codes)}</pc>`
    })
    .join('')

/** The original data of a unit's codes: each node's attributes (its words are in the segment). */
export const originalData = ({ codes }: InlineContent): string => {
  if (codes.size === 0) return ''
  const entries = [...codes].map(([id, { node }]) => {
    const { text: _text, children: _children, ...attributes } = node
    return `<data id="${dataRef(id)}">${escapeXml(JSON.stringify(attributes))}</data>`
  })
  return `<originalData>${entries.join('')}</originalData>`
}

/** XLIFF inline content back into parts; anything but text, `<pc>` and `<ph>` is refused. */
export const fromXliffInline = (nodes: XmlNode[], unitId: string): InlinePart[] =>
  normalizeParts(
    nodes
      .filter((node) => !isComment(node))
      .map((node): InlinePart => {
        if (isText(node)) return { kind: 'text', text: String(node['#text']) }
        const name = nameOf(node)
        const { id, dataRef: ref, dataRefStart } = attributesOf(node)
        if (!id) throw new TranslationRequestError(`xliff: unit "${unitId}": <${name}> has no id.`)
        if (name === 'ph') {
          if (ref !== undefined && ref !== dataRef(id)) throw new TranslationRequestError(`xliff: unit "${unitId}": <ph id="${id}"> points at the wrong data.`)
          return { kind: 'ph', id }
        }
        if (name === 'pc') {
          if (dataRefStart !== undefined && dataRefStart !== dataRef(id)) {
            throw new TranslationRequestError(`xliff: unit "${unitId}": <pc id="${id}"> points at the wrong data.`)
          }
          return { kind: 'pc', id, children: fromXliffInline(childrenOf(node), unitId) }
        }
        throw new TranslationRequestError(`xliff: unit "${unitId}": <${name}> is not supported here (only <pc> and <ph>).`)
      }),
  )
