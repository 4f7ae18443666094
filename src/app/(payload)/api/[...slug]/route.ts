import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withApiPolicy } from '@/api/apiRoute'
import { withReadOnlyApiKeys } from '@/lib/readOnlyApiKeys'

export const GET = withApiPolicy(config, REST_GET(config))
export const POST = withApiPolicy(config, withReadOnlyApiKeys(REST_POST(config)))
export const DELETE = withApiPolicy(config, withReadOnlyApiKeys(REST_DELETE(config)))
export const PATCH = withApiPolicy(config, withReadOnlyApiKeys(REST_PATCH(config)))
export const PUT = withApiPolicy(config, withReadOnlyApiKeys(REST_PUT(config)))
export const OPTIONS = withApiPolicy(config, REST_OPTIONS(config))
