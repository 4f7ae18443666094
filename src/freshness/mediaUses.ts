import { sql } from '@payloadcms/db-postgres'
import type { FlattenedField, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { eachValue, keepLocales, publishedIn } from '@/access/readerView'
import { sessionOf } from '@/concurrency/lockRows'
import { isRecord } from '@/lib/isRecord'
import { localeCodes } from '@/lib/locales'

export const mediaSlug = 'media'

/** The table of which published document uses which medium (migrations/…_media_uses.ts). */
const usesTable = sql.identifier('media_uses')

const idOf = (value: unknown): number | undefined => {
  const id = isRecord(value) ? value.id : value
  return typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : undefined
}

/** Upload nodes of a rich-text value (Lexical JSON), wherever they sit. */
const richTextMedia = (node: unknown, found: Set<number>): void => {
  if (Array.isArray(node)) return node.forEach((child) => richTextMedia(child, found))
  if (!isRecord(node)) return
  if (node.type === 'upload' && node.relationTo === mediaSlug) {
    const id = idOf(node.value)
    if (id !== undefined) found.add(id)
  }
  for (const child of Object.values(node)) if (typeof child === 'object') richTextMedia(child, found)
}

/** The media a document's values point to: upload fields and rich text, in every locale it holds. */
export const mediaIn = (fields: FlattenedField[], row: Record<string, unknown>, found = new Set<number>()): Set<number> => {
  eachValue(fields, row, (field, value) => {
    if (field.type === 'upload' && field.relationTo === mediaSlug) {
      for (const item of Array.isArray(value) ? value : [value]) {
        const id = idOf(item)
        if (id !== undefined) found.add(id)
      }
      return true
    }
    if (field.type === 'richText') {
      richTextMedia(value, found)
      return true
    }
    return false
  })
  return found
}

/**
 * The media readers see on a document's published locales, by the rule readers are held to
 * (src/access/readerView.ts): the document as stored, every locale present, less the values of
 * the locales not published for it. A deleted document uses none.
 */
const publishedMediaOf = async (req: PayloadRequest, collection: SanitizedCollectionConfig, id: number | string): Promise<Set<number>> => {
  const stored = (await req.payload.db.findOne({
    collection: collection.slug,
    where: { id: { equals: id } },
    locale: 'all',
    req: { transactionID: req.transactionID },
  })) as Record<string, unknown> | null
  if (!stored) return new Set()
  const keep = collection.versions?.drafts ? publishedIn(stored._status, undefined) : new Set<string>(localeCodes)
  if (keep.size === 0) return new Set()
  keepLocales(collection.flattenedFields, stored, keep)
  return mediaIn(collection.flattenedFields, stored)
}

/**
 * Keeps `media_uses` and each medium's `usedByPublished` mark true to a document's write, inside
 * the write's transaction (a rollback takes them back with it). Readers' access to media is then
 * one indexed lookup of the mark (src/access/publishedMedia.ts), whatever the amount of content.
 * Returns the media whose mark changed: what readers may see of them changed, and their cache
 * tags expire with the write's change event (src/freshness/changeEvent.ts).
 *
 * The media rows are locked before the marks are counted again: two writes that take the last
 * use of an image away and give it a new one settle one after the other, the second counting
 * with the first's result.
 */
export const updateMediaUses = async (req: PayloadRequest, collection: SanitizedCollectionConfig, id: number | string): Promise<number[]> => {
  if (collection.slug === mediaSlug || typeof id !== 'number') return []
  const document = `${collection.slug}:${id}`
  const session = await sessionOf(req)
  const used = await publishedMediaOf(req, collection, id)
  const { rows } = await session.execute(sql`select media_id from ${usesTable} where document = ${document}`)
  const before = new Set(rows.map((row) => Number(row.media_id)))
  const added = [...used].filter((media) => !before.has(media))
  const removed = [...before].filter((media) => !used.has(media))
  if (added.length === 0 && removed.length === 0) return []
  const touched = [...added, ...removed].sort((a, b) => a - b)
  await session.execute(sql`select id from ${sql.identifier(mediaSlug)} where id in ${touched} order by id for update`)
  if (removed.length > 0) await session.execute(sql`delete from ${usesTable} where document = ${document} and media_id in ${removed}`)
  // Through the media table: an id no medium has (deleted meanwhile) is left out.
  if (added.length > 0) {
    await session.execute(
      sql`insert into ${usesTable} (media_id, document) select id, ${document} from ${sql.identifier(mediaSlug)} where id in ${added} on conflict do nothing`,
    )
  }
  const marked = await session.execute(sql`
    update ${sql.identifier(mediaSlug)} m set used_by_published = u.used
    from (select id, exists (select 1 from ${usesTable} where media_id = media.id) as used from ${sql.identifier(mediaSlug)} media where id in ${touched}) u
    where m.id = u.id and m.used_by_published is distinct from u.used
    returning m.id`)
  return marked.rows.map((row) => Number(row.id))
}
