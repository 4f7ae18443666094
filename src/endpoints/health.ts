import { sql } from '@payloadcms/db-postgres'
import type { Endpoint } from 'payload'

/** `GET /api/health`: 200 when the app can reach its database, 503 when it cannot. For container health checks. */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    try {
      await req.payload.db.drizzle.execute(sql`select 1`)
      return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } })
    } catch {
      return Response.json({ status: 'database unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } })
    }
  },
}
