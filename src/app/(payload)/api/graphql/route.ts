import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withGraphQLErrorStatus } from '@/lib/graphqlStatus'
import { withQueriesOnlyForApiKeys } from '@/lib/readOnlyApiKeys'

export const POST = withQueriesOnlyForApiKeys(withGraphQLErrorStatus(GRAPHQL_POST(config)))
export const OPTIONS = REST_OPTIONS(config)
