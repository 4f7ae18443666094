import type { MetadataRoute } from 'next'

import { absolute } from '@/site/paths'

// The site's address is read when the server runs (SITE_URL), so this is rendered on request.
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/next'] }],
    sitemap: absolute('/sitemap.xml'),
  }
}
