import { isRecord } from '@/lib/isRecord'
import type { Carrier, Media, Tip } from '@/payload-types'

/** The ids of what a document embeds in its rich text or shows beside it (hero, SEO image, logo). */
export type EmbedIds = { carriers: number[]; tips: number[]; media: number[] }

/** The embedded documents as read for the page, by id. */
export type Embeds = { carriers: Map<number, Carrier>; tips: Map<number, Tip>; media: Map<number, Media> }

const idOf = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : isRecord(value) && typeof value.id === 'number' ? value.id : undefined

/** Where each kind of embed sits: a rich-text block's field, an upload node, or a field of the document. */
const blockFields = { carrierEmbed: ['carrier', 'carriers'], tipEmbed: ['tip', 'tips'] } as const
const mediaFields = ['heroImage', 'logo'] as const

const walk = (value: unknown, visit: (node: Record<string, unknown>) => void): void => {
  if (Array.isArray(value)) for (const item of value) walk(item, visit)
  else if (isRecord(value)) {
    visit(value)
    for (const child of Object.values(value)) walk(child, visit)
  }
}

export const embedsOf = (doc: Record<string, unknown>): EmbedIds => {
  const found = { carriers: new Set<number>(), tips: new Set<number>(), media: new Set<number>() }
  const add = (kind: keyof EmbedIds, value: unknown) => {
    const id = idOf(value)
    if (id !== undefined) found[kind].add(id)
  }
  walk(doc, (node) => {
    if (node.type === 'upload' && node.relationTo === 'media') add('media', node.value)
    const fields = node.type === 'block' && isRecord(node.fields) ? node.fields : undefined
    const embed = fields && blockFields[fields.blockType as keyof typeof blockFields]
    if (fields && embed) add(embed[1], fields[embed[0]])
  })
  for (const field of mediaFields) add('media', doc[field])
  if (isRecord(doc.seo)) add('media', doc.seo.image)
  return { carriers: [...found.carriers], tips: [...found.tips], media: [...found.media] }
}

/** An embed node whose document was not read (readers may not see it in this locale). */
const unread = (node: unknown): boolean => {
  if (!isRecord(node)) return false
  if (node.type === 'upload' && node.relationTo === 'media') return !isRecord(node.value)
  const fields = node.type === 'block' && isRecord(node.fields) ? node.fields : undefined
  const embed = fields && blockFields[fields.blockType as keyof typeof blockFields]
  return Boolean(fields && embed && !isRecord(fields[embed[0]]))
}

/**
 * A copy of `doc` with each embed it holds by id replaced by the document read for it, as
 * Payload's `depth: 1` would give. A rich-text embed not read (readers may not see it in this
 * locale) is left out of the copy, as readers' reads leave out what they may not see; a field's
 * stays an id, which nothing shows.
 */
export const populateEmbeds = (doc: Record<string, unknown>, embeds: Embeds): Record<string, unknown> => {
  const media = (value: unknown) => embeds.media.get(idOf(value) ?? -1) ?? value
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy).filter((item) => !unread(item))
    if (!isRecord(value)) return value
    const node = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, copy(child)]))
    if (node.type === 'upload' && node.relationTo === 'media') node.value = media(node.value)
    if (node.type === 'block' && isRecord(node.fields)) {
      const fields = node.fields
      if (fields.blockType === 'carrierEmbed') fields.carrier = embeds.carriers.get(idOf(fields.carrier) ?? -1) ?? fields.carrier
      if (fields.blockType === 'tipEmbed') fields.tip = embeds.tips.get(idOf(fields.tip) ?? -1) ?? fields.tip
    }
    return node
  }
  const populated = copy(doc) as Record<string, unknown>
  for (const field of mediaFields) if (populated[field] !== undefined) populated[field] = media(populated[field])
  if (isRecord(populated.seo)) populated.seo = { ...populated.seo, image: media(populated.seo.image) }
  return populated
}

const nothingRead: Embeds = { carriers: new Map(), tips: new Map(), media: new Map() }

/**
 * A document as a page that embeds it shows it: what it embeds in turn is not read (a page reads
 * one level of embeds), so its rich-text embeds are left out, as `populateEmbeds` leaves out those
 * it did not read.
 */
export const withoutEmbeds = (doc: Record<string, unknown>): Record<string, unknown> => populateEmbeds(doc, nothingRead)
