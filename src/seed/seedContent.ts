import { readdir } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { importDocument, type ImportableCollection, type ImportResult } from '@/import/importDocument'
import { conversionsFrom, localeCodes, sourceLocale } from '@/lib/locales'

import { publishReviewedConversion } from './publishReviewedConversion'

/** Carriers and tips first: articles embed and reference them. */
const collectionsInOrder: ImportableCollection[] = ['carriers', 'tips', 'articles']

/** Source locale first: translations attach to the document it creates. */
const localesInOrder = [sourceLocale, ...localeCodes.filter((code) => code !== sourceLocale)]

export type SeedSummary = Record<ImportResult['action'], number> & { dropped: number }

/**
 * Imports every `content/<collection>/<key>/<locale>.md`; a converted locale (zh-Hant) has no file
 * of its own: saving the source converts it, and a `<locale>.review.yaml` beside the source
 * publishes that conversion as reviewed. Idempotent: a second run changes nothing.
 */
export const seedContent = async (
  payload: Payload,
  contentDir: string,
  log: (line: string) => void = () => {},
): Promise<SeedSummary> => {
  const summary: SeedSummary = { created: 0, updated: 0, unchanged: 0, dropped: 0 }
  for (const collection of collectionsInOrder) {
    const collectionDir = path.join(contentDir, collection)
    const keys = (await readdir(collectionDir, { withFileTypes: true }).catch(() => []))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
    for (const key of keys) {
      const files = await readdir(path.join(collectionDir, key))
      let id: number | undefined
      for (const locale of localesInOrder) {
        if (!files.includes(`${locale}.md`)) continue
        const file = path.join(collectionDir, key, `${locale}.md`)
        const result = await importDocument({ payload, file, locale, collection })
        if (locale === sourceLocale) id = Number(result.id)
        summary[result.action] += 1
        summary.dropped += result.dropped.length
        log(`${collection}/${key} [${locale}] ${result.action} (id ${result.id})`)
        for (const line of result.dropped) log(`  dropped line ${line.line} (${line.reason}): ${line.text}`)
      }
      for (const { code } of conversionsFrom(sourceLocale)) {
        if (id === undefined || !files.includes(`${code}.review.yaml`)) continue
        const reviewed = await publishReviewedConversion(payload, collection, id, code, path.join(collectionDir, key, `${code}.review.yaml`))
        log(`${collection}/${key} [${code}] conversion ${reviewed} (id ${id})`)
      }
    }
  }
  return summary
}
