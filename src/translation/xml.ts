import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { PayloadRequest } from 'payload'

import { refusals, TranslationRequestError } from '@/translation/documents'

/** XML as translation reads and writes it: XLIFF documents and DeepL's tagged segments. */

/** An element as fast-xml-parser gives it with `preserveOrder`: `{ name: children, ':@': attributes }`. */
export type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> }

/** Keeps order, attributes and every space: inline content is words with markup among them. */
export const orderedXmlOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
} as const

export const orderedXmlParser = new XMLParser({
  ...orderedXmlOptions,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
})

export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Parses a document, refusing malformed XML with the parser's line and column, in the language
 * of `req` (the parser's own words stay English). A document type declaration is refused: XLIFF
 * needs none, and its entities are how XML bombs are made.
 */
export const parseXml = (xml: string, req?: Partial<PayloadRequest>): XmlNode[] => {
  const refused = refusals(req)
  if (xml.includes('<!DOCTYPE')) throw new TranslationRequestError(`xliff: ${refused.doctype}`)
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    throw new TranslationRequestError(`xliff: ${refused.malformedXml(valid.err.line, valid.err.col, valid.err.msg)}`)
  }
  try {
    return orderedXmlParser.parse(xml) as XmlNode[]
  } catch (error) {
    // The parser's own limits (elements nested too deep): the document's fault, not the server's.
    throw new TranslationRequestError(`xliff: ${refused.unreadableXml((error as Error).message)}`)
  }
}

export const nameOf = (node: XmlNode): string | undefined => Object.keys(node).find((key) => key !== ':@')

/** A name without its namespace prefix. */
export const localName = (name: string | undefined): string | undefined => name?.split(':').pop()

export const childrenOf = (node: XmlNode): XmlNode[] => (node[nameOf(node)!] as XmlNode[] | undefined) ?? []

export const attributesOf = (node: XmlNode): Record<string, string> => node[':@'] ?? {}

export const isText = (node: XmlNode): boolean => '#text' in node

export const isComment = (node: XmlNode): boolean => '#comment' in node

/** Child elements (no text, no comments), optionally of one name. */
export const elements = (node: XmlNode, name?: string): XmlNode[] =>
  childrenOf(node).filter((child) => !isText(child) && !isComment(child) && (!name || nameOf(child) === name))
