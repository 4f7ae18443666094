import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { isLocale, type Locale } from '@/lib/locales'

import type { TranslatedCollection } from './documents'

/**
 * Per locale of one collection: documents whose newest version is a draft there (a document with
 * nothing in a locale is a missing translation, not a draft), and translations to look at.
 */
export type WorkCounts = Record<Locale, { drafts: number; outdated: number; needsReview: number }>

type Row = { locale: string; drafts: string | number; outdated: string | number; needs_review: string | number }

/**
 * The dashboard's numbers in one count query per collection, whatever the number of documents,
 * over the newest version of each document (drafts included, as `translationReport` reads them).
 * A translation is outdated as `translationStatus` decides (src/translation/status.ts): it was
 * made from a source fingerprint that is no longer the document's; `needs-review` counts only
 * translations that are not outdated, since outdated wins. The source locale of a document is
 * not a translation. tests/translation-counts.test.ts holds these equal to `translationReport`.
 */
export const workCounts = async (payload: Payload, collection: TranslatedCollection): Promise<WorkCounts> => {
  const versions = sql.identifier(`_${collection}_v`)
  const locales = sql.identifier(`_${collection}_v_locales`)
  const stale = sql`(l.version_translation_source_fingerprint is not null and l.version_translation_source_fingerprint <> ''
    and l.version_translation_source_fingerprint is distinct from v.version_source_fingerprint)`
  const target = sql`l._locale::text <> coalesce(v.version_source_locale::text, '')`
  const { rows } = (await payload.db.drizzle.execute(sql`
    select l._locale::text as locale,
      count(*) filter (where l.version__status = 'draft') as drafts,
      count(*) filter (where ${target} and ${stale}) as outdated,
      count(*) filter (where ${target} and not ${stale} and l.version_translation_status = 'needs-review') as needs_review
    from ${versions} v join ${locales} l on l._parent_id = v.id
    where v.latest and v.parent_id is not null
    group by l._locale`)) as unknown as { rows: Row[] }
  const counts = {} as WorkCounts
  for (const row of rows) {
    if (!isLocale(row.locale)) continue
    counts[row.locale] = { drafts: Number(row.drafts), outdated: Number(row.outdated), needsReview: Number(row.needs_review) }
  }
  return counts
}
