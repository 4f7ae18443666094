import { randomBytes } from 'node:crypto'

import { NextRequest } from 'next/server'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'

import type { LocaleDeclaration } from '@/lib/localeDeclarations'

import { login, startApiServer } from './helpers/apiServer'
import { recreateDatabase, templates, testDatabasePrefix, withDatabase } from './helpers/databases'
import { json } from './helpers/http'
import { connectPayload, type TestPayload } from './helpers/payload'
import { password } from './helpers/users'

/**
 * A fourth language from its declaration alone: this file's configuration declares Japanese
 * beside zh, en and fr (as an entry in src/lib/localeDeclarations.ts would) with a message file
 * (src/messages/), its database gets
 * the new value in every locale enum and a column beside each per-locale one (what
 * `npm run migrate:create` writes for it), and nothing
 * else changes. Routing, negotiation, hreflang, the sitemap, the API's locale checks, the
 * translation dashboard's data and OpenAPI must all know it.
 */
const japanese: LocaleDeclaration = {
  code: 'ja',
  bcp47: 'ja',
  label: '日本語',
  direction: 'ltr',
  fallbackLocale: ['en', 'zh'],
  prefix: 'ja',
  negotiation: ['ja'],
  adminLanguage: 'ja',
  search: { config: 'simple', words: 'spaces' },
}

vi.mock('@/lib/localeDeclarations', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/localeDeclarations')>()
  return { ...original, declaredLocales: [...original.declaredLocales, japanese] }
})

// Its message file: the English texts stand in for Japanese ones (what is tested is where they reach).
vi.mock('@/messages/byLocale', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/messages/byLocale')>()
  return { messagesByLocale: { ...original.messagesByLocale, ja: original.messagesByLocale.en } }
})

// The locale type knows the declared locales only: this file's extra language is a runtime value.
const ja = 'ja' as 'en'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let admin: Record<string, string>

beforeAll(async () => {
  const adminUrl = inject('adminUrl')
  const name = `${testDatabasePrefix}${randomBytes(6).toString('hex')}`
  await recreateDatabase(adminUrl, name, templates.migrated)
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, name) })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string }>(
      `select distinct t.typname as name from pg_type t join pg_enum e on e.enumtypid = t.oid where e.enumlabel = 'fr'`,
    )
    expect(rows.length).toBeGreaterThan(0)
    for (const { name: type } of rows) await client.query(`alter type "${type}" add value 'ja'`)
    // Fields with a column per locale (the glossary's terms) get one for ja.
    const columns = await client.query<{ table: string; type: string }>(
      `select table_name as table, data_type as type from information_schema.columns where table_schema = 'public' and column_name = 'fr'`,
    )
    for (const { table, type } of columns.rows) await client.query(`alter table "${table}" add column "ja" ${type}`)
  } finally {
    await client.end()
  }
  db = await connectPayload(withDatabase(adminUrl, name))
  await db.payload.create({ collection: 'users', data: { email: 'admin@lagon.test', password, name: 'admin', role: 'admin' } })
  api = await startApiServer()
  admin = await login(api.url, 'admin@lagon.test', password)
})

afterAll(async () => {
  await api?.close()
  await db?.close()
})

describe('a fourth language declared once', () => {
  it('is a locale of the built configuration, with its fallbacks and admin language', async () => {
    const config = db.payload.config
    const { declaredLocales } = await vi.importActual<typeof import('@/lib/localeDeclarations')>('@/lib/localeDeclarations')
    expect(config.localization && config.localization.localeCodes).toEqual([...declaredLocales.map((locale) => locale.code), 'ja'])
    const entry = config.localization ? config.localization.locales.find((locale) => locale.code === 'ja') : undefined
    expect(entry?.fallbackLocale).toEqual(['en', 'zh'])
    expect(Object.keys(config.i18n.supportedLanguages ?? {})).toContain('ja')
  })

  it("labels the admin in its admin language from its message file, with no collection edited", async () => {
    const { en } = await import('@/messages/en')
    const carriers = db.payload.config.collections.find((collection) => collection.slug === 'carriers')!
    type Label = (args: { i18n: { language: string } }) => string
    type Field = { label: Label; admin: { description: Record<string, string> }; options: { label: Label }[] }
    const field = (name: string) => carriers.flattenedFields.find((candidate) => candidate.name === name) as unknown as Field
    const inJapanese = { i18n: { language: 'ja' } }
    // Descriptions and tab labels reach Payload as objects keyed by admin language.
    expect(field('bands').admin.description.ja).toBe(en.adminFields.carriers.bandsDescription)
    // Labels are resolved on the server in the editor's language.
    expect(field('website').label(inJapanese)).toBe(en.adminFields.carriers.website)
    expect(field('kind').options.map((option) => option.label(inJapanese))).toEqual(Object.values(en.adminFields.carriers.kinds))
  })

  it('is routed: its prefix names it, its paths start with it, reader requests and the proxy take it', async () => {
    const { localeOfPrefix, urlPrefix } = await import('@/lib/locales')
    const { paths } = await import('@/site/paths')
    const { isReaderPageRequest } = await import('@/server/readerPages')
    const { proxy } = await import('@/proxy')
    expect(localeOfPrefix('ja')).toBe('ja')
    expect(urlPrefix(ja)).toBe('ja')
    expect(paths.guide(ja, 'kyoto')).toBe('/ja/guides/kyoto')
    expect(paths.feed('guides', ja, 'atom')).toBe('/feeds/guides-ja.atom')
    expect(isReaderPageRequest({ method: 'GET', url: '/ja/guides/kyoto', headers: {} } as never)).toBe(true)

    const home = proxy(new NextRequest('http://lagon.test/', { headers: { 'accept-language': 'ja-JP,en;q=0.5' } }))
    expect(home.status).toBe(307)
    expect(new URL(home.headers.get('location')!).pathname).toBe('/ja')
    const chosen = proxy(new NextRequest('http://lagon.test/ja/guides?choose=ja'))
    expect(chosen.status).toBe(307)
    expect(chosen.headers.get('set-cookie')).toContain('lagon-locale=ja')
  })

  it('is negotiated from Accept-Language by its declared range', async () => {
    const { negotiateLocale } = await import('@/site/negotiate')
    expect(negotiateLocale('ja')).toBe('ja')
    expect(negotiateLocale('de-DE, ja-JP;q=0.8, en;q=0.5')).toBe('ja')
    expect(negotiateLocale('en, ja;q=0.5')).toBe('en')
    expect(negotiateLocale('de')).toBe('en')
  })

  it('gets hreflang alternates and the sitemap lists its pages with them', async () => {
    const { hreflangLinks } = await import('@/site/hreflang')
    const { sitemapPage, sitemapPath, parseSitemapName } = await import('@/site/sitemap')
    const links = hreflangLinks({ zh: '/zh/guides/a', [ja]: '/ja/guides/b' })
    expect(links.map(([hreflang]) => hreflang)).toEqual(['zh-Hans', 'ja', 'x-default'])
    expect(links.find(([hreflang]) => hreflang === 'ja')![1]).toMatch(/\/ja\/guides\/b$/)

    const pages = (await sitemapPage({ kind: 'pages' }))!
    expect(pages).toMatch(/<loc>[^<]*\/ja\/guides<\/loc>/)
    expect(pages).toMatch(/hreflang="ja" href="[^"]*\/ja\/carriers"/)
    const name = { kind: 'documents', collection: 'articles', locale: ja, page: 1 } as const
    expect(sitemapPath(name)).toBe('/sitemaps/articles-ja-1.xml')
    expect(parseSitemapName('articles-ja-1.xml')).toEqual(name)
  })

  it('is accepted by the API, stored and read back, and still named in the refusal of an unknown locale', async () => {
    const created = await fetch(`${api.url}/api/tips?locale=zh`, {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({ title: '带现金', destination: 'NC', category: 'cash', _status: 'draft' }),
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const { id } = ((await created.json()) as { doc: { id: number } }).doc
    const saved = await fetch(`${api.url}/api/tips/${id}?locale=ja`, {
      method: 'PATCH',
      headers: json(admin),
      body: JSON.stringify({ title: '現金を持つ', _status: 'draft' }),
    })
    expect(saved.status, await saved.clone().text()).toBe(200)
    const read = await fetch(`${api.url}/api/tips/${id}?locale=ja&draft=true`, { headers: admin })
    expect(read.status).toBe(200)
    expect(((await read.json()) as { title: string }).title).toBe('現金を持つ')
    const all = await fetch(`${api.url}/api/tips/${id}?locale=all&draft=true`, { headers: admin })
    expect(((await all.json()) as { title: Record<string, string> }).title).toMatchObject({ zh: '带现金', ja: '現金を持つ' })

    const refused = await fetch(`${api.url}/api/tips?locale=de`)
    expect(refused.status).toBe(400)
    const { declaredLocales } = await vi.importActual<typeof import('@/lib/localeDeclarations')>('@/lib/localeDeclarations')
    expect(await refused.text()).toContain([...declaredLocales.map((locale) => locale.code), 'ja'].join(', '))
  })

  it('has a row in the translation dashboard and is a filter it takes', async () => {
    const response = await fetch(`${api.url}/api/translations/status?locale=ja`, { headers: admin })
    expect(response.status, await response.clone().text()).toBe(200)
    const body = (await response.json()) as { filters: { locale?: string }; rows: { locale: string }[] }
    expect(body.filters.locale).toBe('ja')
    expect(body.rows.length).toBeGreaterThan(0)
    expect(body.rows.every((row) => row.locale === 'ja')).toBe(true)
    const unknown = await fetch(`${api.url}/api/translations/status?locale=de`, { headers: admin })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('ja')
  })

  it('is in the OpenAPI contract: the locale parameter and localized values', async () => {
    const response = await fetch(`${api.url}/api/openapi.json`)
    expect(response.status).toBe(200)
    const text = await response.text()
    const document = JSON.parse(text) as { components: { parameters: Record<string, { name: string; schema: { enum?: string[] } }> } }
    const locale = Object.values(document.components.parameters).find((parameter) => parameter.name === 'locale')!
    expect(locale.schema.enum).toContain('ja')
    expect(text).toContain('ja → en → zh')
  })
})
