import { createServer, type Server } from 'node:http'
import { fileURLToPath } from 'node:url'

import pg from 'pg'

/** The fields every target returns: Payload's REST (with `select`), GraphQL and the floor. */
export const articleFields = ['title', 'summary', 'slug', 'body', 'publishedAt', 'updatedAt'] as const

/**
 * One localized field with Lagon's fallback chain for fr (fr, then en, then zh), as Payload
 * applies it: a locale whose value is null gives way to the next.
 */
const localized = (column: string) => `coalesce(fr.${column}, en.${column}, zh.${column})`

/** The article whose French slug is $1, published in French (each locale is published on its own), with the fields above. */
const articleBySlug = `
  select a.id, ${localized('title')} as title, ${localized('summary')} as summary, fr.slug,
         ${localized('body')} as body, a.published_at, a.updated_at
  from articles_locales fr
  join articles a on a.id = fr._parent_id and fr._status = 'published'
  left join articles_locales en on en._parent_id = a.id and en._locale = 'en'
  left join articles_locales zh on zh._parent_id = a.id and zh._locale = 'zh'
  where fr._locale = 'fr' and fr.slug = $1
  limit 1`

/**
 * The floor: a minimal Node HTTP server doing the same lookup with `pg` directly, answering the
 * same JSON (Payload's list envelope, the same fields, the same locale). No framework, no access
 * control beyond `published`, no validation: what any server must at least spend on this read.
 */
export async function serveFloor(databaseUrl: string, port: number): Promise<void> {
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
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))))
}

// Run as its own process (`tsx bench/api/floor.ts DATABASE_URL PORT`), not inside the benchmark's:
// autocannon's event loop there would slow the floor down and flatter Lagon.
if (process.argv[1] === fileURLToPath(import.meta.url)) await serveFloor(process.argv[2]!, Number(process.argv[3]))
