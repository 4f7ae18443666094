import type { PayloadRequest } from 'payload'

import type { Locale } from '@/lib/locales'
import { alignUnits, fieldUnits, unitHash, type UnitTranslation } from '@/translation/segments/units'
import type { TranslatableContent } from '@/translation/sourceContent'

/** `source` and `target` are stored as `{ value }`: a JSON field takes objects, and a unit may be a string. */
type MemoryEntry = { id: number | string; sourceHash: string; target: { value: UnitTranslation } }

/** Approved translations of these source segments (by unit hash) for the pair. */
export const lookupMemory = async (
  req: PayloadRequest,
  sourceLocale: Locale,
  targetLocale: Locale,
  hashes: string[],
): Promise<Map<string, UnitTranslation>> => {
  const entries = await lookupEntries(req, sourceLocale, targetLocale, hashes)
  return new Map([...entries].map(([hash, entry]) => [hash, entry.target.value]))
}

/**
 * Records the segments of an approved translation: each source unit with the unit of the
 * translation at the same place. Only translations that have the source's structure align (those
 * made by machine translation or XLIFF); a freely written one teaches the memory nothing.
 */
export const rememberApproved = async (
  req: PayloadRequest,
  { sourceLocale, targetLocale, source, target, origin }: {
    sourceLocale: Locale
    targetLocale: Locale
    source: TranslatableContent
    target: TranslatableContent
    origin: string
  },
): Promise<number> => {
  // By hash: a document that repeats a segment (a boilerplate sentence) has one entry for it, the
  // last translation of it winning; two would break the entries' uniqueness and fail the save (400).
  const pairs = new Map<string, { hash: string; source: UnitTranslation; target: UnitTranslation }>()
  for (const [path, sourceValue] of Object.entries(source)) {
    const aligned = alignUnits(path, sourceValue, target[path])
    for (const unit of fieldUnits(path, sourceValue)) {
      const translation = aligned.get(unit.id)
      const hash = unitHash(unit)
      if (translation !== undefined) pairs.set(hash, { hash, source: unit.value, target: translation })
    }
  }
  const existing = await lookupEntries(req, sourceLocale, targetLocale, [...pairs.keys()])
  for (const pair of pairs.values()) {
    const data = { sourceLocale, targetLocale, sourceHash: pair.hash, source: { value: pair.source }, target: { value: pair.target }, origin }
    const entry = existing.get(pair.hash)
    if (entry) await req.payload.update({ collection: 'translation-memory', id: entry.id, data, overrideAccess: true, req })
    else await req.payload.create({ collection: 'translation-memory', data, overrideAccess: true, req })
  }
  return pairs.size
}

const lookupEntries = async (req: PayloadRequest, sourceLocale: Locale, targetLocale: Locale, hashes: string[]) => {
  if (hashes.length === 0) return new Map<string, MemoryEntry>()
  const { docs } = await req.payload.find({
    collection: 'translation-memory',
    where: {
      and: [
        { sourceLocale: { equals: sourceLocale } },
        { targetLocale: { equals: targetLocale } },
        { sourceHash: { in: [...new Set(hashes)] } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return new Map((docs as unknown as MemoryEntry[]).map((doc) => [doc.sourceHash, doc]))
}
