import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withApiPolicy } from '@/api/apiRoute'
import { withGraphQLErrorStatus } from '@/lib/graphqlStatus'
import { withQueriesOnlyForApiKeys } from '@/lib/readOnlyApiKeys'

export const POST = withApiPolicy(config, withQueriesOnlyForApiKeys(withGraphQLErrorStatus(GRAPHQL_POST(config))))
export const OPTIONS = withApiPolicy(config, REST_OPTIONS(config))
