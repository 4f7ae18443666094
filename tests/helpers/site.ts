import { json } from './http'

/** An admin of the site's database, registered through the site's own API (first-register). */
export const siteAdmin = async (siteUrl: string): Promise<Record<string, string>> => {
  const credentials = { email: 'site-admin@lagon.test', password: 'site admin password' }
  const register = await fetch(`${siteUrl}/api/users/first-register`, {
    method: 'POST',
    headers: json(),
    body: JSON.stringify({ ...credentials, name: 'Site admin' }),
  })
  const response = register.ok
    ? register
    : await fetch(`${siteUrl}/api/users/login`, { method: 'POST', headers: json(), body: JSON.stringify(credentials) })
  if (!response.ok) throw new Error(`cannot log in to the site: ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  return { Authorization: `JWT ${token}` }
}

/** Polls every `everyMs` until `check` holds; returns how long it took, or fails after `limitMs`. */
export const within = async (limitMs: number, check: () => Promise<boolean>, everyMs = 100): Promise<number> => {
  const start = Date.now()
  while (Date.now() - start <= limitMs) {
    if (await check()) return Date.now() - start
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  throw new Error(`not within ${limitMs} ms`)
}

/** The `<head>` links and meta a crawler reads. */
export const headOf = (html: string) => {
  const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1]
  const links = [...html.matchAll(/<link [^>]*>/g)].map(([tag]) => tag)
  return {
    canonical: links.filter((tag) => attr(tag, 'rel') === 'canonical').map((tag) => attr(tag, 'href')),
    alternates: Object.fromEntries(
      links.filter((tag) => attr(tag, 'rel') === 'alternate' && attr(tag, 'hrefLang')).map((tag) => [attr(tag, 'hrefLang'), attr(tag, 'href')]),
    ),
    robots: [...html.matchAll(/<meta [^>]*name="robots"[^>]*>/g)].map(([tag]) => attr(tag, 'content')),
  }
}

/** Every page of the sitemap index at `/sitemap.xml`, as one text (each page's XML, in index order). */
export const sitemapPages = async (siteUrl: string): Promise<{ index: string; pages: Record<string, string> }> => {
  const index = await (await fetch(`${siteUrl}/sitemap.xml`)).text()
  const locations = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/g)].map(([, url]) => url!)
  const pages = Object.fromEntries(await Promise.all(locations.map(async (url) => [url.replace(siteUrl, ''), await (await fetch(url)).text()] as const)))
  return { index, pages }
}

/** All the sitemap's pages as one text, for what a crawler finds through `/sitemap.xml`. */
export const sitemapText = async (siteUrl: string): Promise<string> => Object.values((await sitemapPages(siteUrl)).pages).join('\n')
