import type { SanitizedConfig } from 'payload'

import type { Parameter } from './types'

/** The query parameters of Payload's REST API, with the locales and depth limit of this config. */
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
      description: `How many levels of relationships and uploads are populated as documents; 0 returns ids. Default ${config.defaultDepth}.`,
      schema: { type: 'integer', minimum: 0, maximum: config.maxDepth, default: config.defaultDepth },
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
      description: 'Documents per page. Default 10.',
      schema: { type: 'integer', minimum: 0, default: 10 },
    },
    page: {
      name: 'page',
      in: 'query',
      description: 'Page number, from 1.',
      schema: { type: 'integer', minimum: 1, default: 1 },
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
