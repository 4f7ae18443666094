import { sql } from '@payloadcms/db-postgres'
import type { Endpoint } from 'payload'

import { databaseUnavailableBody } from '@/db/availability'

/** `GET /api/health`: 200 when the app can reach its database, 503 (the API's answer then) when it cannot. For container health checks. */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    try {
      await req.payload.db.drizzle.execute(sql`select 1`)
      return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } })
    } catch {
      return Response.json(databaseUnavailableBody, { status: 503, headers: { 'cache-control': 'no-store' } })
    }
  },
}
