import { sitemapIndex } from '@/site/sitemap'

const xml = { 'content-type': 'application/xml; charset=utf-8' }

/** The sitemap index: one sitemap per collection and locale (and page), each a bounded read (src/site/sitemap.ts). */
export async function GET(): Promise<Response> {
  return new Response(await sitemapIndex(), { headers: xml })
}
