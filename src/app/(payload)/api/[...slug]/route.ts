import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withReadOnlyApiKeys } from '@/lib/readOnlyApiKeys'

export const GET = REST_GET(config)
export const POST = withReadOnlyApiKeys(REST_POST(config))
export const DELETE = withReadOnlyApiKeys(REST_DELETE(config))
export const PATCH = withReadOnlyApiKeys(REST_PATCH(config))
export const PUT = withReadOnlyApiKeys(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
