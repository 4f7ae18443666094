import { createHash } from 'node:crypto'

import { localeCodes, type Locale } from '@/lib/locales'
import { readerCollections, type ReaderCollection } from '@/lib/readerCollections'

/** The collections whose documents readers see, on the site and through the public API. */
export type PublicCollection = ReaderCollection | 'media'

/** Next.js refuses cache tags longer than this. */
const maxTagLength = 256

/** A slug as a tag part: as is when short, else a hash (slugs are free text of any length and script). */
const slugPart = (slug: string): string => {
  const encoded = encodeURIComponent(slug)
  return encoded.length <= 120 ? encoded : `#${createHash('sha256').update(slug).digest('base64url').slice(0, 22)}`
}

/**
 * The cache tags of what Lagon keeps of public content (Next's data cache, the reader pages kept
 * by Lagon's server, the API's public reads). A cached read carries the tags of every document it
 * shows, embedded ones included; a change expires exactly the tags it touched.
 */
export const tags = {
  /** Whatever shows the document in any locale: its pages, and the pages that embed or show it. */
  document: (collection: PublicCollection, id: number | string) => `${collection}:${id}`,
  /** Whatever shows the document in one locale. */
  documentIn: (collection: PublicCollection, id: number | string, locale: Locale) => `${collection}:${id}:${locale}`,
  /** A collection's lists in one locale: home page, list pages, sitemap pages, feeds. */
  lists: (collection: PublicCollection, locale: Locale) => `${collection}:lists:${locale}`,
  /** Which document a slug (current or previous) leads to, in one locale. */
  slug: (collection: PublicCollection, locale: Locale, slug: string) => `${collection}:slug:${locale}:${slugPart(slug)}`.slice(0, maxTagLength),
  /** Every API key the API looked up (src/api/apiKeyLookup.ts): expired by any write to a key. */
  apiKeys: 'api-keys',
  /** The glossary every instance keeps for QA and machine translation (src/translation/glossary.ts): expired by any write to a term. */
  glossary: 'glossary',
  /** Every account a token was found to name (src/accounts/signedInUsers.ts): expired by any write to an account or its sessions. */
  signedInUsers: 'users',
  /**
   * Readers' searches (src/search/cache.ts) for a lexeme of the search index in one locale: expired
   * when a document holding it, before or after the change, is indexed again.
   */
  searchLexeme: (locale: Locale, lexeme: string) => `search:${locale}:${slugPart(lexeme)}`,
  /** Readers' searches whose "did you mean" read the locale's vocabulary: expired when a word is added to it. */
  searchWords: (locale: Locale) => `search-words:${locale}`,
  /** Every readers' search: expired by a rebuild of the index. */
  searchIndex: 'search-index',
} as const

/** Whether `tag` is one of readers' search's (Next's cache holds none of them). */
export const isSearchTag = (tag: string): boolean => tag === tags.searchIndex || tag.startsWith('search:') || tag.startsWith('search-words:')

const anyLocale = localeCodes.join('|')
const siteTagPattern = new RegExp(
  `^(?:${[...readerCollections, 'media'].join('|')}):(?:\\d+|\\d+:(?:${anyLocale})|lists:(?:${anyLocale})|slug:(?:${anyLocale}):\\S+)$`,
)
const searchTagPattern = new RegExp(`^(?:search:(?:${anyLocale}):\\S+|search-words:(?:${anyLocale}))$`)

/** Whether `tag` is one of the tags above (what Lagon's own processes may ask the site to expire). */
export const isSiteTag = (tag: unknown): tag is string =>
  typeof tag === 'string' &&
  tag.length <= maxTagLength &&
  (tag === tags.apiKeys || tag === tags.glossary || tag === tags.signedInUsers || tag === tags.searchIndex || searchTagPattern.test(tag) || siteTagPattern.test(tag))
