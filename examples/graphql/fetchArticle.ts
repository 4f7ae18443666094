/**
 * Runs articleBySlug.graphql against Lagon's GraphQL endpoint with plain fetch.
 *
 *   LAGON_API_URL=http://localhost:3000/api npx tsx examples/graphql/fetchArticle.ts nouvelle-caledonie-esim-wechat-alipay fr
 */
import { readFileSync } from 'node:fs'

import type { Article } from '../../src/payload-types'

type ArticleBySlug = {
  data?: { Articles: { docs: Pick<Article, 'id' | 'title' | 'summary' | 'slug' | 'destination' | 'publishedAt'>[] } | null }
  errors?: { message: string }[]
}

const query = readFileSync(new URL('./articleBySlug.graphql', import.meta.url), 'utf8')

const [slug, locale = 'zh'] = process.argv.slice(2)
if (!slug) {
  console.error('usage: fetchArticle.ts SLUG [zh|en|fr]')
  process.exit(2)
}
const response = await fetch(`${process.env.LAGON_API_URL ?? 'http://localhost:3000/api'}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables: { slug, locale } }),
})
const { data, errors } = (await response.json()) as ArticleBySlug
if (errors?.length) {
  console.error(errors.map((error) => error.message).join('\n'))
  process.exit(1)
}
const article = data?.Articles?.docs[0]
if (!article) {
  console.error(`No published article with the ${locale} slug "${slug}".`)
  process.exit(1)
}
console.log(article.title ?? '(untitled)')
