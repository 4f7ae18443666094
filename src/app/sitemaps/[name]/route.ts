import { parseSitemapName, sitemapPage } from '@/site/sitemap'

type Context = { params: Promise<{ name: string }> }

/** One page of the sitemap index (`/sitemaps/articles-fr-1.xml`, `/sitemaps/pages.xml`); any other name is a 404. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const name = parseSitemapName((await params).name)
  const body = name && (await sitemapPage(name))
  if (!body) return new Response('No such sitemap.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
