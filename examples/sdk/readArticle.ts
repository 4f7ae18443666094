/**
 * Reads one article by its slug in a locale, with Payload's REST SDK and Lagon's generated types.
 *
 *   LAGON_API_URL=http://localhost:3000/api npx tsx examples/sdk/readArticle.ts new-caledonia-esim-wechat-alipay en
 *
 * LAGON_API_KEY, when set, is sent as an integration's key (`api-keys API-Key …`).
 */
// In your own project: `npm install @payloadcms/sdk` and import from '@payloadcms/sdk' (see examples/README.md).
import { PayloadSDK } from 'payload-sdk'

import type { Article, Config } from '../../src/payload-types'

type Locale = Config['locale']

const isLocale = (value: string): value is Locale => ['zh', 'en', 'fr'].includes(value)

export const readArticle = async (sdk: PayloadSDK<Config>, slug: string, locale: Locale): Promise<Article | null> => {
  const { docs } = await sdk.find({
    collection: 'articles',
    locale,
    // Slugs are per locale: `slug` here is the slug in `locale`.
    where: { slug: { equals: slug } },
    depth: 1,
    limit: 1,
  })
  return docs[0] ?? null
}

const main = async () => {
  const [slug, locale = 'zh'] = process.argv.slice(2)
  if (!slug || !isLocale(locale)) {
    console.error('usage: readArticle.ts SLUG [zh|en|fr]')
    process.exit(2)
  }
  const apiKey = process.env.LAGON_API_KEY
  const sdk = new PayloadSDK<Config>({
    baseURL: process.env.LAGON_API_URL ?? 'http://localhost:3000/api',
    baseInit: apiKey ? { headers: { Authorization: `api-keys API-Key ${apiKey}` } } : {},
  })
  const article = await readArticle(sdk, slug, locale)
  if (!article) {
    console.error(`No published article with the ${locale} slug "${slug}".`)
    process.exit(1)
  }
  // `title` is typed `string | null`: an untranslated title falls back (en → zh, fr → en → zh).
  console.log(article.title ?? '(untitled)')
  if (article.summary) console.log(article.summary)
}

await main()
