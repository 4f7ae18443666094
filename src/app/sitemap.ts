import type { MetadataRoute } from 'next'

import { localeCodes, type Locale } from '@/lib/locales'
import { bcp47 } from '@/site/format'
import { everyLocale, publishedPaths } from '@/site/params'
import { absolute, paths } from '@/site/paths'
import { articleIndex, carrierIndex, type IndexEntry } from '@/site/queries'

const alternates = (pathsByLocale: Partial<Record<Locale, string>>) => ({
  languages: Object.fromEntries(
    Object.entries(pathsByLocale).map(([locale, path]) => [bcp47(locale as Locale), absolute(path)]),
  ),
})

const documentUrls = (entries: IndexEntry[], path: (locale: Locale, slug: string) => string): MetadataRoute.Sitemap =>
  entries.flatMap((entry) => {
    const published = publishedPaths(entry, path)
    return entry.available.map((locale) => ({
      url: absolute(published[locale]!),
      lastModified: entry.updatedAt,
      alternates: alternates(published),
    }))
  })

// Rendered on request: the build reads no database, and the site's address is read when the server runs (SITE_URL).
export const dynamic = 'force-dynamic'

/** Every published document in every locale it is published in, with its alternates. Drafts never appear. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, carriers] = await Promise.all([articleIndex(), carrierIndex()])
  const sections = [paths.home, paths.carriers, paths.tips].flatMap((path) =>
    localeCodes.map((locale) => ({ url: absolute(path(locale)), alternates: alternates(everyLocale(path)) })),
  )
  return [...sections, ...documentUrls(articles, paths.guide), ...documentUrls(carriers, paths.carrier)]
}
