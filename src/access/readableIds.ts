import type { CollectionSlug, Payload } from 'payload'

import { expiryClock, taggedStore, type TaggedStore } from '@/freshness/taggedStore'
import { tags, type PublicCollection } from '@/site/tags'

/**
 * Reads made to learn what readers may see, as a reader (access and readersSeePublishedLocales
 * apply), flagged so that the hook does not ask about these documents' own relations meanwhile.
 */
export const readableScan = 'lagon.readableScan'

/**
 * Set on a reader's read by a caller that reads, as a reader too, every document the result
 * embeds (upload fields and nodes, rich-text blocks' relations) before showing it: the reader
 * site (src/site/queries.ts). A document readers may not read then comes back null from the
 * caller's own read and is not shown, so the hook need not ask about embeds first (two queries
 * per collection on a cold page); they stay in the result as ids. Links and relationship nodes,
 * which the caller shows without reading, are still asked about.
 */
export const embedsReadByCaller = 'lagon.embedsReadByCaller'

/**
 * Whether readers may read a document, kept under its `tags.document`: a change to its
 * publication (or a medium's use) expires it. On globalThis: the API's and the site's route
 * bundles each load this module, and one store of that name is expired per process.
 */
const knownKey = Symbol.for('lagon.readableIds')
const known = ((globalThis as Record<symbol, TaggedStore<boolean> | undefined>)[knownKey] ??= taggedStore<boolean>('readable-ids'))

/** A few bytes each; this many are remembered at most, the least recently asked first out. */
const maxKnown = 100_000

const keyOf = (collection: string, id: number) => `${collection}:${id}`

/**
 * Which of `ids` (those a document refers to) readers may read in `collection`: the ones not
 * known yet are asked about in one bounded read as a reader (`id in (…)`, the collection's access
 * and rules apply, so the same rule decides), and each answer is kept until a change to that
 * document expires it, on every instance (src/freshness/). Never the whole collection.
 */
export const readableAmong = async (payload: Payload, collection: PublicCollection, ids: readonly number[]): Promise<Set<number>> => {
  const readable = new Set<number>()
  const unknown: number[] = []
  for (const id of new Set(ids)) {
    const answer = known.get(keyOf(collection, id))
    if (answer === undefined) unknown.push(id)
    else if (answer) readable.add(id)
  }
  if (unknown.length === 0) return readable
  const startedAt = expiryClock()
  const { docs } = await payload.find({
    collection: collection as CollectionSlug,
    where: { id: { in: unknown } },
    locale: 'all',
    depth: 0,
    pagination: false,
    // The smallest answer: drafts-enabled collections need `_status` for the reader rule, media has none.
    select: collection === 'media' ? { filename: true } : { _status: true },
    overrideAccess: false,
    context: { [readableScan]: true },
  })
  const found = new Set(docs.map((doc) => doc.id as number))
  for (const id of unknown) {
    if (found.has(id)) readable.add(id)
    known.store(keyOf(collection, id), found.has(id), [tags.document(collection, id)], startedAt, maxKnown)
  }
  return readable
}
