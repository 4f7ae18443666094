import { localeCodes, type Locale } from '@/lib/locales'
import { tags, type PublicCollection } from '@/site/tags'

/**
 * One committed write to public content, as the caches need to know it. Pages and reads that
 * EMBED the document (a guide showing a carrier, any page showing an image) are not listed: they
 * carry `tags.document` of what they embed, and that tag is expired whenever an embeddable
 * document changes.
 */
export type ChangeEvent = {
  collection: PublicCollection
  id: number | string
  operation: 'create' | 'update' | 'delete'
  /** The locales whose content changed: the write's locale, or every locale (`locale=all`, a delete, a field shared by all locales). */
  locales: Locale[]
  /** Among `locales`, those published before and after the write (media has no drafts: always all of them). */
  published: { before: Locale[]; after: Locale[] }
  /** Among `locales`, the slugs that led to the document before and after (current then previous ones). */
  slugs: {
    before: Partial<Record<Locale, string[]>>
    after: Partial<Record<Locale, string[]>>
  }
  /** A field shared by every locale changed (a carrier's price, a guide's destination). */
  sharedFieldsChanged: boolean
  /** Media that published content began or stopped using with this write (src/freshness/mediaUses.ts): readers' access to them changed. */
  mediaMarked?: number[]
}

/** Documents that other documents embed: their changes reach every page showing them. */
const embeddable: ReadonlySet<PublicCollection> = new Set(['carriers', 'tips', 'media'])

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((each) => b.includes(each))

/**
 * The cache tags a change expires, and no others (src/site/tags.ts):
 * - the document's pages and reads in the changed locales (`documentIn`);
 * - all its pages, and every page embedding it (`document`), when what the other locales show
 *   changed too: its publication set or slugs (hreflang alternates, the language switcher), a
 *   shared field, or it is embedded elsewhere;
 * - the lists of every locale (`lists`): a published document appears in each locale's lists,
 *   in its own translation or along the fallback chain;
 * - the slugs that led or now lead to it (`slug`), when they or its publication changed.
 * - each medium published content began or stopped using (`document`): whether readers may read it.
 * A change to locales that readers neither saw nor will see (a draft of an unpublished locale)
 * expires nothing more.
 */
export const tagsToExpire = (event: ChangeEvent): string[] => {
  const { collection, id, locales, published } = event
  const media = (event.mediaMarked ?? []).map((medium) => tags.document('media', medium))
  const seen = locales.filter((locale) => published.before.includes(locale) || published.after.includes(locale))
  // A shared field may show in a published locale this write did not read; a new draft shows nowhere.
  if (seen.length === 0 && (!event.sharedFieldsChanged || event.operation === 'create')) return media
  const publicationChanged = !sameSet(published.before, published.after)
  const slugsChanged = locales.some((locale) => !sameSet(event.slugs.before[locale] ?? [], event.slugs.after[locale] ?? []))
  const everyLocale = publicationChanged || slugsChanged || event.sharedFieldsChanged || event.operation !== 'update' || embeddable.has(collection)
  const slugs =
    publicationChanged || slugsChanged || event.operation === 'delete'
      ? locales.flatMap((locale) =>
          [...new Set([...(event.slugs.before[locale] ?? []), ...(event.slugs.after[locale] ?? [])])].map((slug) =>
            tags.slug(collection, locale, slug),
          ),
        )
      : []
  return [
    ...(everyLocale ? [tags.document(collection, id)] : []),
    ...locales.map((locale) => tags.documentIn(collection, id, locale)),
    ...localeCodes.map((locale) => tags.lists(collection, locale)),
    ...slugs,
    ...media,
  ]
}
