import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withApiPolicy } from '@/api/apiRoute'
import { withGraphQLErrorStatus } from '@/lib/graphqlStatus'
import { withQueriesOnlyForApiKeys } from '@/lib/readOnlyApiKeys'

const graphql = withQueriesOnlyForApiKeys(withGraphQLErrorStatus(GRAPHQL_POST(config)))

export const POST = withApiPolicy(config, graphql)
// Queries over GET (a CDN may keep them); the API's policy hands Payload the same operation as a POST (src/api/graphqlRequest.ts).
export const GET = withApiPolicy(config, graphql)
export const OPTIONS = withApiPolicy(config, REST_OPTIONS(config))
