import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withApiPolicy } from '@/api/apiRoute'

export const GET = withApiPolicy(config, REST_GET(config))
export const POST = withApiPolicy(config, REST_POST(config))
export const DELETE = withApiPolicy(config, REST_DELETE(config))
export const PATCH = withApiPolicy(config, REST_PATCH(config))
export const PUT = withApiPolicy(config, REST_PUT(config))
export const OPTIONS = withApiPolicy(config, REST_OPTIONS(config))
