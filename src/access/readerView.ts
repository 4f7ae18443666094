import type { FlattenedField, PayloadRequest } from 'payload'
import { validOperatorSet } from 'payload/shared'

import { guideBlocks } from '@/fields/guideEditor'
import { isLocalized, walkFields, walkInto, type FieldVisitor } from '@/fields/tree'
import { isRecord } from '@/lib/isRecord'
import { isLocale } from '@/lib/locales'
import { publishedLocales, type LocalizedStatus } from '@/lib/publication'

import { keyReadsDrafts } from './apiKeys'
import { isReader } from './roles'

/**
 * The one rule of what a reader (anonymous, an API key of scope `read`, the reader site) gets: a
 * value written in a locale is theirs only once that locale is published for the document.
 * Every channel reads through Payload's operations, so the rule is applied where they all pass:
 * on the document as it comes from the database (a collection `beforeRead` hook, see
 * src/hooks/readersSeePublishedLocales.ts), before Payload picks the locale asked for, applies a
 * fallback (`fallback-locale`, GraphQL's `fallbackLocale`), a `select` or `locale=all`, and before
 * relations are populated (each populated document is read, and filtered, the same way). What a
 * query may ask about (its `where`) is checked by `readerWhereProblems`; media by `publishedMedia`.
 */

/** Whether this read is a reader's: no staff role, and not a `read-drafts` key reading drafts. Server code bypassing access is not. */
export const readsAsReader = (req: PayloadRequest, overrideAccess: boolean | undefined): boolean =>
  !overrideAccess && isReader(req.user) && !(keyReadsDrafts(req.user) && req.context.keyReadsDrafts === true)

type Row = Record<string, unknown>

/** Keeps, in every localized value of `row` (an object keyed by locale), only the locales of `keep`. */
export const keepLocales = (fields: FlattenedField[], row: Row, keep: ReadonlySet<string>): void =>
  walkFields(fields, row, (field, values) => {
    if (!isLocalized(field)) return false
    const value = values[field.name]
    if (isRecord(value)) values[field.name] = Object.fromEntries(Object.entries(value).filter(([locale]) => keep.has(locale)))
    return true
  })

/**
 * Calls `leaf` with each value a field holds (each locale's, for a localized field read with
 * locale=all) and a way to replace it; goes into containers, localized ones included.
 */
export const eachValue = (fields: FlattenedField[], row: Row, leaf: (field: FlattenedField, value: unknown, replace: (next: unknown) => void) => boolean): void => {
  const visit: FieldVisitor = (field, values) => {
    const stored = values[field.name]
    const perLocale = isLocalized(field) && isRecord(stored) && !('relationTo' in stored)
    const entries = perLocale ? Object.entries(stored) : [['', stored] as const]
    for (const [locale, value] of entries) {
      const replace = (next: unknown) => {
        if (perLocale) (stored as Row)[locale] = next
        else values[field.name] = next
      }
      if (!leaf(field, value, replace)) walkInto(field, value, visit)
    }
    return true
  }
  walkFields(fields, row, visit)
}

/** The locales published for a document, from its stored `_status` (an object keyed by locale, or a string in `locale`). */
export const publishedIn = (status: unknown, locale: string | undefined): Set<string> =>
  new Set<string>(publishedLocales(status as LocalizedStatus, locale))

export type WhereProblem = { path: string; message: string }

/**
 * What a reader's `where` may look at. Access holds a document to `_status = published` in the
 * locale read; a condition on another locale's value (`title.fr`, or any locale with `locale=all`)
 * or on a related document's fields (`relatedCarriers.name`: Payload applies no access to the
 * documents it joins) would answer a question about unpublished text, one count at a time.
 */
export const readerWhereProblems = (fields: FlattenedField[], where: unknown, locale: string | undefined): WhereProblem[] => {
  const seen = new Set<string>()
  return conditionPaths(where).flatMap((path): WhereProblem[] => {
    const problem = pathProblem(fields, path, locale)
    if (!problem || seen.has(problem.path)) return []
    seen.add(problem.path)
    return [{ path: `where[${problem.path}]`, message: `where[${problem.path}]: ${problem.message}` }]
  })
}

/** The field path of every condition: `where[seo][title][like]` and `where[seo.title][like]` alike, inside `and`/`or` too. */
const conditionPaths = (where: unknown, prefix: string[] = []): string[][] => {
  if (!isRecord(where)) return []
  return Object.entries(where).flatMap(([key, value]): string[][] => {
    if (prefix.length === 0 && (key === 'and' || key === 'or')) return Array.isArray(value) ? value.flatMap((condition) => conditionPaths(condition)) : []
    if (validOperatorSet.has(key as never) || !isRecord(value)) return prefix.length > 0 ? [prefix] : []
    return conditionPaths(value, [...prefix, ...key.split('.')])
  })
}

const pathProblem = (fields: FlattenedField[], path: string[], locale: string | undefined, localized = false): WhereProblem | undefined => {
  const [name, ...rest] = path
  const here = path.join('.')
  if (!name) return undefined
  const field = fields.find((candidate) => candidate.name === name)
  if (!field) return undefined
  const isLocalized = localized || ('localized' in field && Boolean(field.localized))
  const [next, ...after] = rest
  if (isLocalized && field.name !== '_status') {
    if (locale === 'all' || locale === '*') {
      return { path: here, message: 'with locale=all, conditions on translated fields are not taken; ask in one locale' }
    }
    if (isLocale(next) && next !== locale) {
      return { path: here, message: `conditions on another locale's text (${next}) are not taken; ask with locale=${next}` }
    }
  }
  const remaining = isLocale(next) ? after : rest
  if (remaining.length === 0) return undefined
  if (field.type === 'relationship' || field.type === 'upload') {
    return { path: here, message: `conditions on the fields of related documents are not taken; filter on the relation's id (${field.name}[in]=…)` }
  }
  if ('flattenedFields' in field) return pathProblem(field.flattenedFields, remaining, locale, isLocalized)
  return undefined
}

/** Which of `ids` of a collection readers may read, or `undefined` for a collection whose access already decides alone. */
type Readable = (collection: string, ids: number[]) => Promise<ReadonlySet<number>> | undefined

/** The collection and id a relation value names (an id, `{ relationTo, value }`, or a populated document). */
const relationOf = (value: unknown, target: string | string[]): { collection: string; id: number } | undefined => {
  const polymorphic = isRecord(value) && typeof value.relationTo === 'string'
  const collection = polymorphic ? (value.relationTo as string) : typeof target === 'string' ? target : undefined
  const raw = polymorphic ? value.value : value
  const id = Number(isRecord(raw) ? raw.id : raw)
  return collection && Number.isInteger(id) ? { collection, id } : undefined
}

const isRelation = (field: FlattenedField): field is FlattenedField & { relationTo: string | string[] } =>
  field.type === 'relationship' || field.type === 'upload'

/** A rich-text block's relation fields (`carrier` of a carrier embed…), by block type. */
const blockRelations = new Map(
  guideBlocks.map((block) => [
    block.slug,
    block.fields.flatMap((field) =>
      (field.type === 'relationship' || field.type === 'upload') && 'name' in field ? [{ name: field.name, relationTo: field.relationTo }] : [],
    ),
  ]),
)

/**
 * The relations one Lexical node holds: an upload or relationship node's `value`, an internal
 * link's `doc`, a block's relation fields. Each with how to hide it: drop the node, or (a link)
 * keep its text without the link; and whether it is an embed (an upload node, a block's
 * relation), which a reader's caller may read itself (`embedsReadByCaller`).
 */
const nodeRelations = (node: Row): { value: unknown; target: string | string[]; hidden: 'drop' | 'unwrap'; embed: boolean }[] => {
  const fields = isRecord(node.fields) ? node.fields : undefined
  if ((node.type === 'upload' || node.type === 'relationship') && typeof node.relationTo === 'string') {
    return [{ value: node.value, target: node.relationTo, hidden: 'drop', embed: node.type === 'upload' }]
  }
  if ((node.type === 'link' || node.type === 'autolink') && fields?.linkType === 'internal' && isRecord(fields.doc)) {
    return [{ value: fields.doc, target: [], hidden: 'unwrap', embed: false }]
  }
  if ((node.type === 'block' || node.type === 'inlineBlock') && fields && typeof fields.blockType === 'string') {
    return (blockRelations.get(fields.blockType) ?? []).flatMap(({ name, relationTo }) =>
      (Array.isArray(fields[name]) ? (fields[name] as unknown[]) : [fields[name]]).map((value) => ({ value, target: relationTo, hidden: 'drop' as const, embed: true })),
    )
  }
  return []
}

/** Every Lexical node of a rich-text value, nested editors (a callout's content) included. */
const eachNode = (value: unknown, visit: (node: Row) => void): void => {
  if (Array.isArray(value)) return value.forEach((item) => eachNode(item, visit))
  if (!isRecord(value)) return
  if (typeof value.type === 'string') visit(value)
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) eachNode(child, visit)
}

/**
 * The ids each collection's relations of a document name, in every locale it holds; without its
 * embeds (upload fields and nodes, blocks' relations) when `embedsRead` (`embedsReadByCaller`).
 */
const referredIds = (fields: FlattenedField[], row: Row, embedsRead: boolean): Map<string, number[]> => {
  const found = new Map<string, number[]>()
  const add = (value: unknown, target: string | string[]) => {
    const relation = relationOf(value, target)
    if (relation) found.set(relation.collection, [...(found.get(relation.collection) ?? []), relation.id])
  }
  eachValue(fields, row, (field, value) => {
    if (field.type === 'richText') {
      eachNode(value, (node) => nodeRelations(node).forEach((related) => (embedsRead && related.embed ? undefined : add(related.value, related.target))))
      return true
    }
    if (!isRelation(field)) return false
    if (embedsRead && field.type === 'upload') return true
    for (const item of Array.isArray(value) ? value : [value]) add(item, field.relationTo)
    return true
  })
  return found
}

/** The ids found hidden, by collection. */
type Hidden = Map<string, ReadonlySet<number>>

/** One relation value, or `undefined` when it names a hidden document. */
const visibleRelation = (value: unknown, target: string | string[], hidden: Hidden): unknown => {
  const relation = relationOf(value, target)
  return relation && hidden.get(relation.collection)?.has(relation.id) ? undefined : value
}

/** Rich text without the nodes that name a hidden document: embeds and relationship nodes go, links keep their text. */
const dropHiddenNodes = (node: Row, hidden: Hidden): void => {
  if (Array.isArray(node.children)) {
    node.children = node.children.flatMap((child: unknown): unknown[] => {
      if (!isRecord(child)) return [child]
      const gone = nodeRelations(child).find(({ value, target }) => value != null && visibleRelation(value, target, hidden) === undefined)
      if (gone?.hidden === 'drop') return []
      dropHiddenNodes(child, hidden)
      return gone?.hidden === 'unwrap' && Array.isArray(child.children) ? child.children : [child]
    })
  }
  for (const value of Object.values(node)) {
    if (isRecord(value)) {
      if (isRecord(value.root)) dropHiddenNodes(value.root, hidden)
      else if (value !== node.children) dropHiddenNodes(value, hidden)
    }
  }
}

const dropHidden = (fields: FlattenedField[], row: Row, hidden: Hidden): void =>
  eachValue(fields, row, (field, value, replace) => {
    if (field.type === 'richText') {
      if (isRecord(value) && isRecord(value.root)) dropHiddenNodes(value.root, hidden)
      return true
    }
    if (!isRelation(field)) return false
    replace(
      Array.isArray(value)
        ? value.filter((item) => visibleRelation(item, field.relationTo, hidden) !== undefined)
        : (visibleRelation(value, field.relationTo, hidden) ?? null),
    )
    return true
  })

/**
 * Relations to documents a reader may not read (a draft, a medium only drafts use) are left out
 * of the reader's document, even as bare ids: an id in a list says that a draft exists.
 * `readable` is asked only about the ids this document names (a bounded question, whatever the
 * size of the collections). With `embedsRead`, its embeds are not asked about (see
 * `embedsReadByCaller`): they stay, as ids, for the caller's own reads.
 */
export const dropHiddenRelations = async (fields: FlattenedField[], row: Row, readable: Readable, { embedsRead = false } = {}): Promise<void> => {
  const asked = await Promise.all(
    [...referredIds(fields, row, embedsRead)].map(async ([target, ids]) => {
      const answer = await readable(target, ids)
      return [target, answer && new Set(ids.filter((id) => !answer.has(id)))] as const
    }),
  )
  const hidden: Hidden = new Map(asked.filter((entry): entry is [string, Set<number>] => entry[1] !== undefined && entry[1].size > 0))
  if (hidden.size > 0) dropHidden(fields, row, hidden)
}
