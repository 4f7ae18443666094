import { createHash, timingSafeEqual } from 'node:crypto'

import type { Locale } from '@/lib/locales'

import { paths } from './paths'

/** PREVIEW_SECRET, or one derived from PAYLOAD_SECRET so that a fresh install needs no setting. */
export const previewSecret = (): string =>
  process.env.PREVIEW_SECRET || createHash('sha256').update(`lagon-preview:${process.env.PAYLOAD_SECRET ?? ''}`).digest('hex').slice(0, 32)

export const isPreviewSecret = (candidate: string | null): boolean => {
  const expected = Buffer.from(previewSecret())
  const given = Buffer.from(candidate ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

type PreviewTarget = { collection: string; locale: Locale; slug?: string | null }

/** The site page that shows a document, for the preview route. */
export const sitePathOf = ({ collection, locale, slug }: PreviewTarget): string => {
  if (collection === 'articles' && slug) return paths.guide(locale, slug)
  if (collection === 'carriers' && slug) return paths.carrier(locale, slug)
  if (collection === 'tips') return `${paths.tips(locale)}${slug ? `#${slug}` : ''}`
  return paths.home(locale)
}

export const previewUrl = (target: PreviewTarget): string =>
  `/next/preview?secret=${previewSecret()}&path=${encodeURIComponent(sitePathOf(target))}`
