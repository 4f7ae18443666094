import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withGraphQLErrorStatus } from '@/lib/graphqlStatus'

export const POST = withGraphQLErrorStatus(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
