import { feedBody, feedMediaType, parseFeedName } from '@/site/feeds'

// Answered per request from cached reads: made at build time, it would need a database there.
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ name: string }> }

/** A locale's feed of guides or tips (`/feeds/guides-fr.atom`, `/feeds/tips-zh.json`); any other name is a 404. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const name = parseFeedName((await params).name)
  if (!name) return new Response('No such feed.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return new Response(await feedBody(name), { headers: { 'content-type': `${feedMediaType[name.format]}; charset=utf-8` } })
}
