import type { CollectionSlug, PayloadRequest, TypedLocale } from 'payload'

/**
 * A document as stored in the request's locale (or `locale`), with no fallback (a locale with no
 * row of its own reads as empty, its `_status` as unset), before the save at hand. `draft` reads
 * the newest version. The Local API rewrites the locale and fallback of the request it is given:
 * it gets a copy, so the save's own response keeps what its client asked for.
 */
export const storedDocument = async (
  req: PayloadRequest,
  collection: string,
  id: number | string,
  { draft, locale = req.locale ?? undefined }: { draft: boolean; locale?: string },
): Promise<Record<string, unknown> | null> =>
  (await req.payload.findByID({
    collection: collection as CollectionSlug,
    id,
    locale: locale as TypedLocale,
    fallbackLocale: false,
    draft,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req: { ...req },
  })) as Record<string, unknown> | null
