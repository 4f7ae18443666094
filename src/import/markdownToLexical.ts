import { createHash } from 'node:crypto'

import type { BlockContent, Content, PhrasingContent, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

import { ImportError } from './errors'
import * as lexical from './lexicalNodes'
import type { LexicalDocument, LexicalNode } from './lexicalNodes'

type Embed = { kind: 'carrier' | 'tip'; slug: string }

/** How the converter turns references in the text into document ids; the importer supplies them. */
export type ReferenceResolver = {
  embed: (embed: Embed, line: number) => Promise<number | string>
  image: (src: string, alt: string, line: number) => Promise<number | string>
}

const calloutMarker = /^\[!(NOTE|WARNING|UNVERIFIED)\]\s*/i
const embedPattern = /^\{\{\s*(carrier|tip)\s*:\s*([a-z0-9-]+)\s*\}\}$/

type Context = {
  file: string
  /** Line offset of the body in its file. */
  offset: number
  resolver: ReferenceResolver
  /** Seeds stable node ids, so importing the same file twice gives the same document. */
  idSeed: string
  nextId: number
}

const lineOf = (node: { position?: { start: { line: number } } }, context: Context): number =>
  (node.position?.start.line ?? 1) + context.offset - 1

const stableId = (context: Context): string =>
  createHash('sha1').update(`${context.idSeed}#${context.nextId++}`).digest('hex').slice(0, 24)

const fail = (message: string, node: Content | Root, context: Context): never => {
  throw new ImportError(message, context.file, lineOf(node, context))
}

const phrasing = (nodes: PhrasingContent[], context: Context, format = 0): LexicalNode[] =>
  nodes.flatMap((node): LexicalNode[] => {
    switch (node.type) {
      case 'text':
        return node.value
          .split('\n')
          .flatMap((part, index) => [
            ...(index > 0 ? [lexical.lineBreak()] : []),
            ...(part ? [lexical.text(part, format)] : []),
          ])
      case 'strong':
        return phrasing(node.children, context, format | lexical.textFormat.bold)
      case 'emphasis':
        return phrasing(node.children, context, format | lexical.textFormat.italic)
      case 'delete':
        return phrasing(node.children, context, format | lexical.textFormat.strikethrough)
      case 'inlineCode':
        return [lexical.text(node.value, format | lexical.textFormat.code)]
      case 'break':
        return [lexical.lineBreak()]
      case 'link':
        if (!/^(https?:|mailto:|\/|#)/i.test(node.url)) {
          return fail(`link "${node.url}" is not an http(s), mailto or site-relative URL.`, node, context)
        }
        return [lexical.link(node.url, phrasing(node.children, context, format))]
      case 'image':
        return fail('an image must stand alone in its own paragraph.', node, context)
      case 'html':
        return fail(`raw HTML is not accepted (${node.value.slice(0, 40)}).`, node, context)
      default:
        return fail(`unsupported inline Markdown (${node.type}).`, node, context)
    }
  })

const blockChildren = async (nodes: Content[], context: Context): Promise<LexicalNode[]> => {
  const out: LexicalNode[] = []
  for (const node of nodes) out.push(...(await blockNode(node, context)))
  return out
}

/** Lexical quotes and list items hold inline content: paragraphs inside become line breaks. */
const inlineOf = (nodes: Content[], context: Context): LexicalNode[] =>
  nodes.flatMap((node, index) => {
    if (node.type !== 'paragraph') return fail(`a ${node.type} cannot stand inside this element.`, node, context)
    return [...(index > 0 ? [lexical.lineBreak()] : []), ...phrasing(node.children, context)]
  })

const listNode = async (node: Extract<Content, { type: 'list' }>, context: Context): Promise<LexicalNode> => {
  const start = node.start ?? 1
  const items: LexicalNode[] = []
  for (const item of node.children) {
    const inline = item.children.filter((child) => child.type !== 'list')
    const nested = item.children.filter((child) => child.type === 'list')
    items.push(lexical.listItem(start + items.length, inlineOf(inline, context)))
    for (const list of nested) {
      // Lexical nests a list inside a list item of its own.
      items.push(lexical.listItem(start + items.length, [await listNode(list, context)]))
    }
  }
  return lexical.list(Boolean(node.ordered), start, items)
}

const calloutOf = async (
  node: Extract<Content, { type: 'blockquote' }>,
  context: Context,
): Promise<LexicalNode | undefined> => {
  const [first, ...rest] = node.children
  if (first?.type !== 'paragraph' || first.children[0]?.type !== 'text') return undefined
  const match = first.children[0].value.match(calloutMarker)
  if (!match) return undefined
  const remainder = first.children[0].value.slice(match[0].length)
  const firstChildren: PhrasingContent[] = [
    ...(remainder ? [{ ...first.children[0], value: remainder }] : []),
    ...first.children.slice(1),
  ]
  const paragraphs = [...(firstChildren.length ? [{ ...first, children: firstChildren }] : []), ...rest]
  if (paragraphs.length === 0) return fail('a callout needs some text after its marker.', node, context)
  const content = lexical.root(
    paragraphs.map((child) =>
      child.type === 'paragraph'
        ? lexical.paragraph(phrasing(child.children, context))
        : fail('a callout holds paragraphs only.', child, context),
    ),
  )
  return lexical.block('callout', { kind: match[1]!.toLowerCase(), content }, stableId(context))
}

const blockNode = async (node: Content, context: Context): Promise<LexicalNode[]> => {
  switch (node.type) {
    case 'heading':
      return [lexical.heading(node.depth, phrasing(node.children, context))]
    case 'paragraph': {
      const only = node.children.length === 1 ? node.children[0] : undefined
      if (only?.type === 'image') {
        const id = await context.resolver.image(only.url, only.alt ?? '', lineOf(only, context))
        return [lexical.upload('media', id, stableId(context))]
      }
      const embed = only?.type === 'text' ? only.value.trim().match(embedPattern) : null
      if (embed) {
        const kind = embed[1] as Embed['kind']
        const id = await context.resolver.embed({ kind, slug: embed[2]! }, lineOf(node, context))
        return kind === 'carrier'
          ? [lexical.block('carrierEmbed', { carrier: id }, stableId(context))]
          : [lexical.block('tipEmbed', { tip: id }, stableId(context))]
      }
      return [lexical.paragraph(phrasing(node.children, context))]
    }
    case 'blockquote': {
      const callout = await calloutOf(node, context)
      return [callout ?? lexical.quote(inlineOf(node.children, context))]
    }
    case 'list':
      return [await listNode(node, context)]
    case 'table':
      return [
        lexical.table(node.children.map((row) => row.children.map((cell) => phrasing(cell.children, context)))),
      ]
    case 'thematicBreak':
      return [{ type: 'horizontalrule', version: 1 }]
    case 'code':
      return [lexical.paragraph(phrasing([{ type: 'inlineCode', value: node.value }], context))]
    case 'html':
      return node.value.trim().startsWith('<!--')
        ? []
        : fail(`raw HTML is not accepted (${node.value.slice(0, 40)}).`, node, context)
    case 'definition':
      return []
    default:
      return fail(`unsupported Markdown (${node.type}).`, node, context)
  }
}

export type ConvertOptions = {
  file: string
  /** Line number of the Markdown's first line in its file, for error messages. */
  firstLine?: number
  resolver: ReferenceResolver
  idSeed?: string
}

/** Markdown (CommonMark + GFM tables) to a Lexical document as Payload's editor stores it. */
export const markdownToLexical = async (markdown: string, options: ConvertOptions): Promise<LexicalDocument> => {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const context: Context = {
    file: options.file,
    offset: options.firstLine ?? 1,
    resolver: options.resolver,
    idSeed: options.idSeed ?? options.file,
    nextId: 0,
  }
  return lexical.root(await blockChildren(tree.children as BlockContent[], context))
}
