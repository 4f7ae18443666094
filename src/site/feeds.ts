import { createHash } from 'node:crypto'

import { localeOfPrefix, type Locale } from '@/lib/locales'
import { lexicalText } from '@/lib/lexicalText'
import { publishedLocales, type LocalizedStatus } from '@/lib/publication'

import { bcp47 } from './format'
import { t } from './messages'
import { absolute, paths, siteUrl } from './paths'
import { sitePayload } from './payload'
import { cachedRead } from './queries'
import { tags } from './tags'

/**
 * Entries per feed: the newest only, one bounded read whatever the collection's size (a feed
 * reader asks every few minutes; 10,000 guides must not mean 10,000 rows read).
 */
export const feedSize = 20

export type FeedKind = 'guides' | 'tips'
export type FeedFormat = 'atom' | 'json'
export type FeedName = { kind: FeedKind; locale: Locale; format: FeedFormat }

const collectionOf = { guides: 'articles', tips: 'tips' } as const

export const feedMediaType: Record<FeedFormat, string> = { atom: 'application/atom+xml', json: 'application/feed+json' }

/** The feed a `/feeds/{name}` URL names (`guides-fr.atom`, `tips-zh.json`), or null. */
export const parseFeedName = (value: string): FeedName | null => {
  const match = /^(guides|tips)-(.+)\.(atom|json)$/.exec(value)
  const locale = localeOfPrefix(match?.[2])
  if (!match || !locale) return null
  return { kind: match[1] as FeedKind, locale, format: match[3] as FeedFormat }
}

const feedTitle = (kind: FeedKind, locale: Locale) => {
  const m = t(locale)
  return `${m.siteName} · ${kind === 'guides' ? m.guidesTitle : m.tipsTitle}`
}

/** The feeds a page of `locale` names in its head: guides and tips, Atom and JSON Feed. */
export const feedLinks = (locale: Locale): Record<string, { url: string; title: string }[]> =>
  Object.fromEntries(
    (['atom', 'json'] as const).map((format) => [
      feedMediaType[format],
      (['guides', 'tips'] as const).map((kind) => ({ url: absolute(paths.feed(kind, locale, format)), title: feedTitle(kind, locale) })),
    ]),
  )

type FeedItem = { key: string; title: string; url: string; summary: string; updated: string; published?: string }

type Row = {
  id: number
  title?: string | null
  slug?: string | null
  summary?: string | null
  body?: unknown
  updatedAt: string
  publishedAt?: string | null
  _status?: LocalizedStatus
}

/**
 * An entry's id: a URN made from the site's address, the document and the locale, so that it
 * stays the same when a slug changes (RFC 4287 4.2.6: an id is never reassigned or changed).
 */
const entryId = (kind: FeedKind, id: number, locale: Locale) => {
  const hex = createHash('sha1').update(`${siteUrl()}|${kind}|${id}|${locale}`).digest('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * The newest documents published in `locale`, read as a reader (access control keeps drafts and
 * other locales' publications out) with no fallback: a feed in French has French entries only.
 */
const readFeed = async (kind: FeedKind, locale: Locale): Promise<FeedItem[]> => {
  const payload = await sitePayload()
  const guides = kind === 'guides'
  const { docs } = await payload.find({
    collection: collectionOf[kind],
    locale,
    fallbackLocale: false,
    select: guides
      ? { title: true, slug: true, summary: true, updatedAt: true, publishedAt: true, _status: true }
      : { title: true, slug: true, body: true, updatedAt: true, _status: true },
    sort: guides ? ['-publishedAt', '-id'] : ['-updatedAt', '-id'],
    depth: 0,
    limit: feedSize,
    pagination: false,
    overrideAccess: false,
  })
  return (docs as unknown as Row[])
    .filter((doc) => publishedLocales(doc._status, locale).includes(locale) && doc.title?.trim() && doc.slug)
    .map((doc) => ({
      key: entryId(kind, doc.id, locale),
      title: doc.title!,
      url: absolute(guides ? paths.guide(locale, doc.slug!) : `${paths.tips(locale)}#${encodeURIComponent(doc.slug!)}`),
      summary: (guides ? doc.summary : lexicalText(doc.body)) ?? '',
      updated: new Date(doc.updatedAt).toISOString(),
      published: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : undefined,
    }))
}

// Tagged like the lists: any change to a published document of the collection expires them (src/freshness/changeEvent.ts).
const cachedFeed = cachedRead('site-feed', readFeed, (kind, locale) => [tags.lists(collectionOf[kind], locale)])

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!)

/** The feed's own time: its newest entry's, or the epoch while it has none (a fixed value keeps it cacheable). */
const feedUpdated = (items: FeedItem[]) => items.map((item) => item.updated).sort().at(-1) ?? new Date(0).toISOString()

const atom = ({ kind, locale }: FeedName, items: FeedItem[]) => {
  const m = t(locale)
  const self = absolute(paths.feed(kind, locale, 'atom'))
  const home = absolute(kind === 'guides' ? paths.guides(locale) : paths.tips(locale))
  const entries = items.map(
    (item) =>
      `<entry><id>${item.key}</id><title>${escape(item.title)}</title><updated>${item.updated}</updated>${
        item.published ? `<published>${item.published}</published>` : ''
      }<link rel="alternate" type="text/html" href="${escape(item.url)}"/>${item.summary ? `<summary>${escape(item.summary)}</summary>` : ''}</entry>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${bcp47(locale)}">\n<id>${escape(self)}</id><title>${escape(
    feedTitle(kind, locale),
  )}</title><subtitle>${escape(m.tagline)}</subtitle><updated>${feedUpdated(items)}</updated><author><name>${escape(m.siteName)}</name><uri>${escape(
    absolute(paths.home(locale)),
  )}</uri></author><link rel="self" type="application/atom+xml" href="${escape(self)}"/><link rel="alternate" type="text/html" href="${escape(home)}"/>\n${entries.join('\n')}\n</feed>\n`
}

const jsonFeed = ({ kind, locale }: FeedName, items: FeedItem[]) => {
  const m = t(locale)
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feedTitle(kind, locale),
      description: m.tagline,
      home_page_url: absolute(kind === 'guides' ? paths.guides(locale) : paths.tips(locale)),
      feed_url: absolute(paths.feed(kind, locale, 'json')),
      language: bcp47(locale),
      authors: [{ name: m.siteName, url: absolute(paths.home(locale)) }],
      items: items.map((item) => ({
        id: item.key,
        url: item.url,
        title: item.title,
        content_text: item.summary || item.title,
        ...(item.summary && { summary: item.summary }),
        ...(item.published && { date_published: item.published }),
        date_modified: item.updated,
        language: bcp47(locale),
      })),
    },
    null,
    2,
  )}\n`
}

/** A feed as its body text. */
export const feedBody = async (name: FeedName): Promise<string> => {
  const items = await cachedFeed(name.kind, name.locale)
  return name.format === 'atom' ? atom(name, items) : jsonFeed(name, items)
}
