import { maxPublicLimit } from '@/api/settings'
import { defaultSearchLimit, maxQueryLength } from '@/search/settings'

import type { JsonSchema, Operation } from './types'

const highlighted = (what: string) => ({ type: 'string', description: `${what} as HTML: the text escaped, the words found in \`<mark>\`.` })

/** One page of readers' search: a page says whether a next one holds results, and counts no matches (src/search/query.ts). */
export const searchResultsSchema: JsonSchema = {
  type: 'object',
  properties: {
    docs: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          collection: { type: 'string', enum: ['articles', 'carriers', 'tips'] },
          id: { type: 'integer' },
          locale: { type: 'string' },
          slug: { type: ['string', 'null'] },
          url: { type: 'string', description: "Where a reader reads it on the site (a tip: the tips list, at the tip's anchor)." },
          date: { type: 'string', format: 'date-time', description: "An article's publication date, else the last change." },
          title: { type: 'string' },
          titleHtml: highlighted('The title'),
          snippet: { type: 'string' },
          snippetHtml: highlighted('The snippet'),
        },
        required: ['collection', 'id', 'locale', 'slug', 'url', 'date', 'title', 'titleHtml', 'snippet', 'snippetHtml'],
        additionalProperties: false,
      },
    },
    limit: { type: 'integer' },
    page: { type: 'integer' },
    pagingCounter: { type: 'integer' },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean', description: 'Whether the next page holds results: the way to page, since there is no total.' },
    prevPage: { type: ['integer', 'null'] },
    nextPage: { type: ['integer', 'null'] },
    bestOnly: {
      type: 'boolean',
      description: 'Whether more documents match than the pages reach: with many matches, the pages reach the best ranked of the newest. Add a word to narrow the search.',
    },
    q: { type: 'string' },
    locale: { type: 'string' },
    suggestion: { type: ['string', 'null'], description: 'When nothing was found (English, French): the query with its misspelt words corrected, if that finds something.' },
  },
  required: ['docs', 'limit', 'page', 'pagingCounter', 'hasPrevPage', 'hasNextPage', 'prevPage', 'nextPage', 'bestOnly', 'q', 'locale', 'suggestion'],
  additionalProperties: false,
}

/** `GET /api/search` (src/search/endpoint.ts), for the locales readers search. */
export const searchOperation = (localeCodes: string[], defaultLocale: string): Operation => ({
  operationId: 'search',
  summary: "Readers' search, in one locale",
  description: [
    'Published articles, carriers and tips, in one locale, ranked (title above summary above body, recent above old), with highlighted snippets. Chinese is segmented (Traditional finds Simplified); English and French are stemmed, accents aside. See docs/search.md.',
    '',
    'Paging without a total: matches are not counted (a count read every match, half of what a search cost). Each page says whether the next one holds results (`hasNextPage`, `nextPage`); `totalDocs` and `totalPages` are not sent. With many matches the pages reach the best ranked of the newest (`bestOnly`).',
  ].join('\n'),
  tags: ['search'],
  parameters: [
    { name: 'q', in: 'query', required: true, description: `The words to search for, at most ${maxQueryLength} characters. Taken as words, never as syntax.`, schema: { type: 'string', minLength: 1, maxLength: maxQueryLength } },
    { name: 'locale', in: 'query', description: `The locale searched (\`all\` is refused). Default: \`${defaultLocale}\`.`, schema: { type: 'string', enum: localeCodes, default: defaultLocale } },
    { name: 'limit', in: 'query', description: `Results per page, 1 to ${maxPublicLimit}, for everyone.`, schema: { type: 'integer', minimum: 1, maximum: maxPublicLimit, default: defaultSearchLimit } },
    { name: 'page', in: 'query', description: 'Page number, from 1 (past the last page, no results).', schema: { type: 'integer', minimum: 1, default: 1 } },
  ],
  responses: {
    '200': { description: 'A page of results.', content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchResults' } } } },
    '400': { $ref: '#/components/responses/BadRequest' },
    '429': { $ref: '#/components/responses/TooManyRequests' },
  },
  security: [{}],
})
