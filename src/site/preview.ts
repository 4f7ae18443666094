import type { Locale } from '@/lib/locales'
import { derivedSecret, isSameSecret } from '@/lib/secrets'

import { paths } from './paths'

/** PREVIEW_SECRET, or one derived from PAYLOAD_SECRET so that a fresh install needs no setting. */
export const previewSecret = (): string => process.env.PREVIEW_SECRET || derivedSecret('preview')

export const isPreviewSecret = (candidate: string | null): boolean => isSameSecret(candidate, previewSecret())

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
