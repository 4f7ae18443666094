import { readFile } from 'node:fs/promises'

import type { Payload } from 'payload'
import { parse } from 'yaml'

import { glossaryField, localeCodes, type Locale } from '@/lib/locales'

type Term = Partial<Record<Locale, string>> & { note?: string; doNotTranslate?: boolean }

/** Loads `content/glossary.yaml` (a term's forms keyed by locale code) into the Glossary collection, matched by the zh form. Idempotent. */
export const seedGlossary = async (payload: Payload, file: string): Promise<{ created: number; updated: number; unchanged: number }> => {
  const terms = (parse(await readFile(file, 'utf8')) ?? []) as Term[]
  const counts = { created: 0, updated: 0, unchanged: 0 }
  for (const term of terms) {
    const data: Record<string, unknown> = Object.fromEntries(localeCodes.map((locale) => [glossaryField(locale), term[locale] ?? null]))
    data.note = term.note ?? null
    data.doNotTranslate = term.doNotTranslate === true
    const { docs } = await payload.find({ collection: 'glossary', where: { zh: { equals: term.zh } }, limit: 1, depth: 0 })
    const existing = docs[0] as unknown as Record<string, unknown> | undefined
    if (!existing) {
      await payload.create({ collection: 'glossary', data: data as never })
      counts.created += 1
    } else if (Object.entries(data).some(([key, value]) => (existing[key] ?? null) !== value)) {
      await payload.update({ collection: 'glossary', id: existing.id as number, data: data as never })
      counts.updated += 1
    } else counts.unchanged += 1
  }
  return counts
}
