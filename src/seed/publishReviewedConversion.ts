import { readFile } from 'node:fs/promises'

import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import { parse } from 'yaml'

import type { ImportableCollection } from '@/import/importDocument'
import { isRecord } from '@/lib/isRecord'
import type { Locale } from '@/lib/locales'
import { readTranslationPair, fieldsOf } from '@/translation/documents'
import { translatableContent } from '@/translation/sourceContent'

/**
 * `content/<collection>/<key>/<locale>.review.yaml`: an editor's review of the text the conversion
 * made for a converted locale (zh-Hant): the words it got wrong, each replaced everywhere in the
 * translatable text, and the slug readers' URLs use.
 */
export type ConversionReview = { slug?: string; corrections?: [string, string][] }

const corrected = (value: unknown, corrections: [string, string][]): unknown => {
  if (typeof value === 'string') return corrections.reduce((text, [wrong, right]) => text.split(wrong).join(right), value)
  if (Array.isArray(value)) return value.map((item) => corrected(item, corrections))
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'id' || key === 'url' ? item : corrected(item, corrections)]))
  return value
}

export type ReviewResult = 'published' | 'unchanged' | 'not converted'

/**
 * What an editor does with a converted translation after reading it: corrects it (a person's edit,
 * which later conversions keep), marks it done and publishes that locale alone. The conversion
 * itself is the one every save of the source runs (src/translation/machine/hooks/): this step
 * finds its needs-review draft. A translation already done and made from the current source is
 * left alone, so seeding twice changes nothing.
 */
export const publishReviewedConversion = async (
  payload: Payload,
  collection: ImportableCollection,
  id: number,
  locale: Locale,
  file: string,
): Promise<ReviewResult> => {
  const review = (parse(await readFile(file, 'utf8')) ?? {}) as ConversionReview
  const req = (await createLocalReq({ locale }, payload)) as PayloadRequest
  const pair = await readTranslationPair(req, collection, id, locale)
  if (pair.state.status === 'done' && pair.state.sourceFingerprint === pair.sourceFingerprint) return 'unchanged'
  if (!pair.state.machineProvider) return 'not converted'
  const corrections = review.corrections ?? []
  const tops = new Set(Object.keys(translatableContent(pair.targetDoc, fieldsOf(req, collection))).map((key) => key.split('.')[0]!))
  const data: Record<string, unknown> = Object.fromEntries([...tops].map((top) => [top, corrected(pair.targetDoc[top], corrections)]))
  if (review.slug) data.slug = review.slug
  await payload.update({
    collection: collection as CollectionSlug,
    id,
    locale,
    fallbackLocale: false,
    depth: 0,
    data: { ...data, translation: { status: 'done' }, _status: 'published' },
  })
  return 'published'
}
