import { parse, type DocumentNode } from 'graphql'

/**
 * Documents already parsed, by text: the cost check, the caps, the key's read-only check and the
 * cache each need the document, and clients send the same few queries again and again. Parsing
 * is pure and the AST is never changed, so one parse serves them all.
 */
const documents = new Map<string, DocumentNode>()
const maxDocuments = 500

/** The parsed document (GraphQL's `parse`, without locations), or the parse error thrown. */
export const parsedDocument = (query: string, maxTokens: number): DocumentNode => {
  const key = `${maxTokens}\n${query}`
  const known = documents.get(key)
  if (known) return known
  const document = parse(query, { maxTokens, noLocation: true })
  documents.set(key, document)
  if (documents.size > maxDocuments) documents.delete(documents.keys().next().value!)
  return document
}
