import { qaMessages } from '@/translation/qa/labels'
import type { Finding, Found } from '@/translation/qa/types'

/** A source as the `sources` field stores it (src/fields/sources.ts). */
export type SourceEntry = { title?: string | null; publisher?: string | null; url?: string | null; date?: string | null }

export type SourcedRecord = {
  sources?: SourceEntry[] | null
  lastVerified?: string | null
  /** A record's own site (a carrier's `website`): a source that is that site may be its bare domain. */
  website?: string | null
}

const defaultReverifyAfterDays = 365

/** `LAGON_REVERIFY_AFTER_DAYS`: how old `lastVerified` may get before a record needs re-verification. */
export const reverifyAfterDays = (env: Record<string, string | undefined> = process.env): number => {
  const value = Number(env.LAGON_REVERIFY_AFTER_DAYS)
  return Number.isInteger(value) && value > 0 ? value : defaultReverifyAfterDays
}

const hostOf = (url: string | null | undefined): string | null => {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : null
  } catch {
    return null
  }
}

/** A URL that names a site, not a page: no path, query or fragment. */
export const isBareDomain = (url: string): boolean => {
  try {
    const parsed = new URL(url)
    return (parsed.pathname === '/' || parsed.pathname === '') && !parsed.search && !parsed.hash
  } catch {
    return false
  }
}

/** Whether `lastVerified` is older than the allowed age (or missing): the record needs re-verification. */
export const needsReverification = (lastVerified: string | null | undefined, now = new Date(), days = reverifyAfterDays()): boolean => {
  if (!lastVerified) return true
  const time = Date.parse(lastVerified)
  return Number.isNaN(time) || now.getTime() - time > days * 86_400_000
}

const finding = (found: Found, path: string): Finding => ({ ...found, locale: null, path, segment: null })

/**
 * What a reader needs to trust a record: each source with a title, a publisher, a date and the
 * URL of the page itself (a bare domain only when the source is the record's own site), and a
 * `lastVerified` no older than `LAGON_REVERIFY_AFTER_DAYS`. Missing title, publisher or a bare
 * domain are errors; a missing URL or date, a shared URL and an old verification are warnings.
 */
export const checkSources = (record: SourcedRecord, { now = new Date(), days = reverifyAfterDays() } = {}): Finding[] => {
  const findings: Finding[] = []
  const sources = record.sources ?? []
  if (sources.length === 0) findings.push(finding({ code: 'sources-none', severity: 'warning', message: qaMessages.sourcesNone() }, 'sources'))
  const site = hostOf(record.website)
  const seen = new Map<string, number>()
  sources.forEach((source, index) => {
    const path = `sources.${index}`
    if (!source.title?.trim()) findings.push(finding({ code: 'source-title-missing', severity: 'error', message: qaMessages.sourceTitleMissing() }, `${path}.title`))
    if (!source.publisher?.trim()) {
      findings.push(finding({ code: 'source-publisher-missing', severity: 'error', message: qaMessages.sourcePublisherMissing() }, `${path}.publisher`))
    }
    if (!source.date?.trim()) findings.push(finding({ code: 'source-date-missing', severity: 'warning', message: qaMessages.sourceDateMissing() }, `${path}.date`))
    const url = source.url?.trim()
    if (!url) {
      findings.push(finding({ code: 'source-url-missing', severity: 'warning', message: qaMessages.sourceUrlMissing() }, `${path}.url`))
      return
    }
    if (isBareDomain(url) && hostOf(url) !== site) {
      findings.push(finding({ code: 'source-bare-domain', severity: 'error', message: qaMessages.sourceBareDomain(url) }, `${path}.url`))
    }
    const normalized = url.replace(/\/+$/, '')
    if (seen.has(normalized)) {
      findings.push(finding({ code: 'source-duplicate-url', severity: 'warning', message: qaMessages.sourceDuplicateUrl(url) }, `${path}.url`))
    }
    seen.set(normalized, index)
  })
  if (needsReverification(record.lastVerified, now, days)) {
    findings.push(
      finding(
        record.lastVerified
          ? { code: 'needs-reverification', severity: 'warning', message: qaMessages.needsReverification(days) }
          : { code: 'needs-reverification', severity: 'warning', message: qaMessages.neverVerified() },
        'lastVerified',
      ),
    )
  }
  return findings
}
