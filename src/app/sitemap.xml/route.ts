import { sitemapIndex } from '@/site/sitemap'

// Answered per request from cached reads: made at build time, it would need a database there.
export const dynamic = 'force-dynamic'

/** The sitemap index: one sitemap per collection and locale (and page), each a bounded read (src/site/sitemap.ts). */
export async function GET(): Promise<Response> {
  return new Response(await sitemapIndex(), { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
