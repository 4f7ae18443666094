import type { SanitizedConfig } from 'payload'

import { maxPublicDepth, maxPublicLimit } from '@/api/settings'
import { maxNumber } from '@/api/strictQuery'

import type { Parameter } from './types'

const whole = (value: number) => value.toLocaleString('en')

/**
 * The query parameters of Payload's REST API, with the locales of this config and the bounds the
 * server enforces (src/api/publicCaps.ts, src/api/strictQuery.ts): `schema` holds an anonymous
 * client's, which every client may send, and `x-authenticated` a signed-in one's (staff, API keys).
 * Past a bound the answer is a 400 naming it (tests/openapiLimits.test.ts sends each).
 */
export const queryParameters = (config: SanitizedConfig): Record<string, Parameter> => {
  const localization = config.localization || null
  const codes = localization ? localization.localeCodes : []
  const fallbacks = localization
    ? localization.locales
        .filter((locale) => locale.fallbackLocale)
        .map((locale) => `${locale.code} → ${[locale.fallbackLocale].flat().join(' → ')}`)
        .join('; ')
    : ''
  return {
    locale: {
      name: 'locale',
      in: 'query',
      description: `Locale of localized fields. \`all\` returns every locale, each localized field becoming an object keyed by locale. Default: \`${localization ? localization.defaultLocale : ''}\` (the source locale).`,
      schema: { type: 'string', enum: [...codes, 'all'] },
      example: codes[1] ?? codes[0],
    },
    fallbackLocale: {
      name: 'fallback-locale',
      in: 'query',
      description: `Where an empty localized field takes its value from. Default, per locale: ${fallbacks || 'none'}. \`none\` turns fallback off: untranslated fields are null.`,
      schema: { type: 'string', enum: [...codes, 'none'] },
    },
    depth: {
      name: 'depth',
      in: 'query',
      description: `How many levels of relationships and uploads are populated as documents; 0 returns ids. Default ${config.defaultDepth}. Anonymous clients: at most ${maxPublicDepth}. Signed-in clients (\`x-authenticated\`): up to ${whole(maxNumber)} accepted, populated at most ${config.maxDepth} levels deep.`,
      schema: { type: 'integer', minimum: 0, maximum: Math.min(maxPublicDepth, config.maxDepth), default: config.defaultDepth },
      'x-authenticated': { minimum: 0, maximum: maxNumber },
    },
    select: {
      name: 'select',
      in: 'query',
      description: 'The fields to return, e.g. `select[title]=true&select[slug]=true`. The id is always returned.',
      style: 'deepObject',
      explode: true,
      schema: { type: 'object', additionalProperties: true },
    },
    where: {
      name: 'where',
      in: 'query',
      description:
        'A filter, e.g. `where[slug][equals]=esim` or `where[destination][in]=NC,PF`. Operators: equals, not_equals, in, not_in, like, contains, exists, greater_than(_equal), less_than(_equal), and `and`/`or` arrays.',
      style: 'deepObject',
      explode: true,
      schema: { type: 'object', additionalProperties: true },
    },
    sort: {
      name: 'sort',
      in: 'query',
      description: 'A field name to sort by; `-` in front sorts descending (`-publishedAt`). Comma-separated for several.',
      schema: { type: 'string' },
    },
    limit: {
      name: 'limit',
      in: 'query',
      description: `Documents per page. Default 10. Anonymous clients: 1 to ${maxPublicLimit}. Signed-in clients (\`x-authenticated\`): 0 (every document) to ${whole(maxNumber)}.`,
      schema: { type: 'integer', minimum: 1, maximum: maxPublicLimit, default: 10 },
      'x-authenticated': { minimum: 0, maximum: maxNumber },
    },
    page: {
      name: 'page',
      in: 'query',
      description: `Page number, from 1 to ${whole(maxNumber)} (past the last page, no documents).`,
      schema: { type: 'integer', minimum: 1, maximum: maxNumber, default: 1 },
    },
    draft: {
      name: 'draft',
      in: 'query',
      description:
        'Newest version, drafts included. Only staff and API keys of scope `read-drafts` get drafts; everyone else gets the published version.',
      schema: { type: 'boolean', default: false },
    },
    id: {
      name: 'id',
      in: 'path',
      required: true,
      description: 'The document id.',
      schema: { type: 'integer', minimum: 1 },
    },
    ifMatch: {
      name: 'If-Match',
      in: 'header',
      description:
        'The `ETag` of the revision the change is based on (from a read by id or the last save). A save of a document saved since by someone else is refused with 412.',
      schema: { type: 'string' },
    },
  }
}
