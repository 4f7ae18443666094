import { createHash } from 'node:crypto'

import { articleFields } from './floor'

/** The seeded guide's French slug (content/), the article every target reads. */
export const frenchSlug = 'nouvelle-caledonie-esim-wechat-alipay'

const select = articleFields.map((field) => `select[${field}]=true`).join('&')

/** The read as a developer writes it: by slug, in French, the fields above, relations as ids. */
export const restPath = `/api/articles?where[slug][equals]=${frenchSlug}&locale=fr&depth=0&${select}`

/** The same read by the article's id (Payload's findByID: the document itself, not a list). */
export const restByIdPath = (id: number | string) => `/api/articles/${id}?locale=fr&depth=0&${select}`

/** The same URL as written in the issue, with Payload's defaults (every field, depth 2). */
export const restDefaultPath = `/api/articles?where[slug][equals]=${frenchSlug}&locale=fr`

// Rich text takes its own depth in GraphQL: 0, like the REST read, leaves embedded relations as ids.
const graphqlFields = articleFields.map((field) => (field === 'body' ? 'body(depth: 0)' : field)).join(' ')

export const graphqlQuery = `{ Articles(where: { slug: { equals: "${frenchSlug}" } }, locale: fr) { docs { id ${graphqlFields} } } }`

export const floorPath = `/articles?slug=${frenchSlug}`

/** The same query over GET, as a CDN could keep it. */
export const graphqlGetPath = `/api/graphql?query=${encodeURIComponent(graphqlQuery)}`

/** Apollo's automatic persisted query: the document's SHA-256 instead of the document. */
export const persistedExtensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(graphqlQuery).digest('hex') } }

export const persistedGetPath = `/api/graphql?extensions=${encodeURIComponent(JSON.stringify(persistedExtensions))}`
