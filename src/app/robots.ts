import type { MetadataRoute } from 'next'

import { absolute } from '@/site/paths'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/next'] }],
    sitemap: absolute('/sitemap.xml'),
  }
}
