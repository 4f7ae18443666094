import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import pg from 'pg'

/** The fields every target returns: Payload's REST (with `select`), GraphQL and the floor. */
export const articleFields = ['title', 'summary', 'slug', 'body', 'publishedAt', 'updatedAt'] as const

/**
 * One localized field with Lagon's fallback chain for fr (fr, then en, then zh), as Payload
 * applies it: a locale whose value is null gives way to the next.
 */
const localized = (column: string) => `coalesce(fr.${column}, en.${column}, zh.${column})`

/** The published article whose French slug is $1, with the fields above. */
const articleBySlug = `
  select a.id, ${localized('title')} as title, ${localized('summary')} as summary, fr.slug,
         ${localized('body')} as body, a.published_at, a.updated_at
  from articles_locales fr
  join articles a on a.id = fr._parent_id and a._status = 'published'
  left join articles_locales en on en._parent_id = a.id and en._locale = 'en'
  left join articles_locales zh on zh._parent_id = a.id and zh._locale = 'zh'
  where fr._locale = 'fr' and fr.slug = $1
  limit 1`

/**
 * The floor: a minimal Node HTTP server doing the same lookup with `pg` directly, answering the
 * same JSON (Payload's list envelope, the same fields, the same locale). No framework, no access
 * control beyond `published`, no validation: what any server must at least spend on this read.
 */
export async function startFloor(databaseUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
  const server: Server = createServer(async (req, res) => {
    try {
      const slug = new URL(req.url ?? '/', 'http://floor').searchParams.get('slug')
      const { rows } = await pool.query(articleBySlug, [slug])
      const docs = rows.map((row) => ({
        id: row.id,
        title: row.title,
        summary: row.summary,
        slug: row.slug,
        body: row.body,
        publishedAt: row.published_at?.toISOString() ?? null,
        updatedAt: row.updated_at.toISOString(),
      }))
      const body = JSON.stringify({
        docs,
        hasNextPage: false,
        hasPrevPage: false,
        limit: 10,
        nextPage: null,
        page: 1,
        pagingCounter: 1,
        prevPage: null,
        totalDocs: docs.length,
        totalPages: 1,
      })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body)
    } catch (error) {
      res.writeHead(500).end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve))
      await pool.end()
    },
  }
}
