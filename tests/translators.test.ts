import pg from 'pg'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let translator: Record<string, string>
let staff: Awaited<ReturnType<typeof createStaff>>
let carrierId: number
let articleId: number

const query = async (sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: db.databaseUrl })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

/** Everything stored about the carrier: the document, its locales, offers and versions. */
const storedCarrier = async () => ({
  doc: await query('select website, kind, mcc_mnc from carriers where id = $1', [carrierId]),
  locales: await query('select _locale, name, slug, _status from carriers_locales where _parent_id = $1 order by _locale', [carrierId]),
  offers: await query('select id, type, price_amount from carriers_offers where _parent_id = $1 order by _order', [carrierId]),
  versions: (await query('select count(*)::int as n from _carriers_v where parent_id = $1', [carrierId]))[0].n as number,
})

/** The carrier's newest version in fr, as staff see it. */
const newestFr = async () => {
  const doc = await db.payload.findByID({ collection: 'carriers', id: carrierId, locale: 'fr', fallbackLocale: false, draft: true, depth: 0 })
  return doc
}

const patch = (path: string, body: unknown, headers = translator) =>
  fetch(`${api.url}${path}`, { method: 'PATCH', headers: json(headers), body: JSON.stringify(body) })

const graphql = async (query: string, headers = translator) => {
  const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(headers), body: JSON.stringify({ query }) })
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] } }
}

const errorText = async (response: Response) => JSON.stringify(await response.json())

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  staff = await createStaff(db.payload)
  translator = await login(api.url, 'translator@lagon.test', password)
  const carrier = await db.payload.create({
    collection: 'carriers',
    locale: 'zh',
    data: {
      name: '移动运营商',
      kind: 'network-operator',
      destination: 'NC',
      website: 'https://www.opt.nc',
      bands: ['LTE band 3 (1800 MHz)'],
      verification: 'unverified',
      sourceLocale: 'zh',
      offers: [{ name: '旅游卡', type: 'tourist-sim', price: { amount: 3000, currency: 'XPF' } }],
      sources: [{ title: 'OPT', url: 'https://www.opt.nc' }],
      _status: 'published',
    },
  })
  carrierId = carrier.id
  const article = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: { title: '指南', destination: 'NC', sourceLocale: 'zh', _status: 'published' },
  })
  articleId = article.id
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

describe('a translator for fr, over REST', () => {
  it('edits the localized fields of fr, including inside shared rows and the slug, as a draft', async () => {
    const before = await storedCarrier()
    const current = await newestFr()
    const response = await patch(`/api/carriers/${carrierId}?locale=fr`, {
      name: 'Opérateur mobile',
      slug: 'operateur-mobile',
      offers: current.offers!.map((offer) => ({ ...offer, name: 'Carte touriste', notes: 'Vendue à l’aéroport' })),
      translation: { status: 'in-progress' },
    })
    expect(response.status, await response.clone().text()).toBe(200)
    const after = await storedCarrier()
    // A draft: the published document is untouched, a new version holds the fr text.
    expect(after.doc).toEqual(before.doc)
    expect(after.locales).toEqual(before.locales)
    expect(after.offers).toEqual(before.offers)
    expect(after.versions).toBe(before.versions + 1)
    const fr = await newestFr()
    expect(fr.name).toBe('Opérateur mobile')
    expect(fr.slug).toBe('operateur-mobile')
    expect(fr.offers?.[0]).toMatchObject({ name: 'Carte touriste', notes: 'Vendue à l’aéroport', price: { amount: 3000, currency: 'XPF' } })
    expect(fr.translation?.status).toBe('in-progress')
    expect(fr._status).toBe('draft')
    expect((await fetch(`${api.url}/api/carriers/${carrierId}?locale=fr`)).status).toBe(404)
  })

  it('saves the whole document back, as the admin form does', async () => {
    const response = await fetch(`${api.url}/api/carriers/${carrierId}?locale=fr&draft=true&depth=0&fallback-locale=none`, {
      headers: translator,
    })
    const doc = (await response.json()) as Record<string, unknown>
    const saved = await patch(`/api/carriers/${carrierId}?locale=fr&draft=true&autosave=true`, {
      ...doc,
      name: 'Opérateur (formulaire)',
      _status: 'draft',
    })
    expect(saved.status, await saved.clone().text()).toBe(200)
    expect((await newestFr()).name).toBe('Opérateur (formulaire)')
  })

  it.each([
    ['website', { website: 'https://example.com' }],
    ['bands', { bands: ['5G n78'] }],
    ['kind', { kind: 'mvno' }],
    ['sourceLocale', { sourceLocale: 'fr' }],
    ['offers.0.price', { offers: [{ name: 'Carte', type: 'tourist-sim', price: { amount: 1, currency: 'XPF' } }] }],
    ['offers', { offers: [] }],
    ['sources', { sources: [{ title: 'Ailleurs', url: 'https://example.com' }] }],
    ['_status', { name: 'Publié', _status: 'published' }],
    ['translation.status', { translation: { status: 'done' } }],
  ])('cannot change %s: 403 naming it, nothing written', async (path, data) => {
    const current = await newestFr()
    // Changes to existing rows keep their ids, as the admin sends them.
    const body = path.startsWith('offers.0')
      ? { offers: [{ ...current.offers![0], price: { amount: 1, currency: 'XPF' } }] }
      : path === 'sources'
        ? { sources: [{ ...current.sources![0], url: 'https://example.com/elsewhere' }] }
        : data
    const before = { stored: await storedCarrier(), fr: current }
    const response = await patch(`/api/carriers/${carrierId}?locale=fr`, body)
    expect(response.status).toBe(403)
    expect(await errorText(response)).toContain(path)
    expect(await storedCarrier()).toEqual(before.stored)
    expect(await newestFr()).toEqual(before.fr)
  })

  it('cannot change relationships', async () => {
    const response = await patch(`/api/articles/${articleId}?locale=fr`, { relatedCarriers: [carrierId] })
    expect(response.status).toBe(403)
    expect(await errorText(response)).toContain('relatedCarriers')
    const article = await db.payload.findByID({ collection: 'articles', id: articleId, draft: true, depth: 0 })
    expect(article.relatedCarriers ?? []).toEqual([])
  })

  // A write to locale=all is refused as bad input (400) before access is asked.
  it.each([['zh', 403], ['en', 403], ['all', 400]])('cannot edit the %s locale', async (locale, status) => {
    const before = await storedCarrier()
    const response = await patch(`/api/carriers/${carrierId}?locale=${locale}`, { name: 'Renamed' })
    expect(response.status).toBe(status)
    expect(await storedCarrier()).toEqual(before)
    const zh = await db.payload.findByID({ collection: 'carriers', id: carrierId, locale: 'zh', draft: true, depth: 0 })
    expect(zh.name).toBe('移动运营商')
  })

  it.each([['publishSpecificLocale=fr'], ['publishAllLocales=true'], ['unpublishAllLocales=true']])(
    'cannot publish or unpublish (%s)',
    async (flag) => {
      const before = await storedCarrier()
      const response = await patch(`/api/carriers/${carrierId}?locale=fr&${flag}`, { name: 'Publié', _status: 'published' })
      expect(response.status).toBe(403)
      expect(await storedCarrier()).toEqual(before)
    },
  )

  it('cannot update many at once, delete, or create', async () => {
    const before = await storedCarrier()
    const bulk = await patch(`/api/carriers?locale=fr&where[id][equals]=${carrierId}`, { name: 'En masse' })
    expect(bulk.status).toBe(403)
    const deleted = await fetch(`${api.url}/api/carriers/${carrierId}`, { method: 'DELETE', headers: translator })
    expect(deleted.status).toBe(403)
    const created = await fetch(`${api.url}/api/tips?locale=fr`, {
      method: 'POST',
      headers: json(translator),
      body: JSON.stringify({ title: 'Nouveau', destination: 'NC', sourceLocale: 'zh' }),
    })
    expect(created.status).toBe(403)
    expect(await storedCarrier()).toEqual(before)
    expect((await query('select count(*)::int as n from tips'))[0].n).toBe(0)
  })

  it("sees the shared fields read-only in the admin: the document's field permissions", async () => {
    const permissions = async (locale: string) => {
      const response = await fetch(`${api.url}/api/carriers/access/${carrierId}?locale=${locale}`, {
        method: 'POST',
        headers: json(translator),
        body: '{}',
      })
      return (await response.json()) as {
        update: boolean | { permission: boolean }
        fields: Record<string, { update?: { permission: boolean } | boolean; fields?: Record<string, { update?: { permission: boolean } | boolean }> }>
      }
    }
    // Payload's sanitized permissions omit what is denied.
    const allowed = (value: boolean | { permission: boolean } | undefined) => (typeof value === 'object' ? value.permission : Boolean(value))
    const fr = await permissions('fr')
    expect(allowed(fr.update)).toBe(true)
    expect(allowed(fr.fields.name!.update)).toBe(true)
    expect(allowed(fr.fields.website!.update)).toBe(false)
    expect(allowed(fr.fields.bands!.update)).toBe(false)
    expect(allowed(fr.fields.offers!.fields!.name!.update)).toBe(true)
    expect(allowed(fr.fields.offers!.fields!.type!.update)).toBe(false)
    const zh = await permissions('zh')
    expect(allowed(zh.update)).toBe(false)
  })
})

describe('a translator for fr, over GraphQL', () => {
  it('edits fr as a draft', async () => {
    const { body } = await graphql(`mutation { updateCarrier(id: ${carrierId}, locale: fr, draft: true, data: { name: "Opérateur (GraphQL)" }) { name } }`)
    expect(body.errors ?? []).toEqual([])
    expect((await newestFr()).name).toBe('Opérateur (GraphQL)')
    expect((await newestFr())._status).toBe('draft')
  })

  it.each([
    ['website', `updateCarrier(id: ID, locale: fr, data: { website: "https://example.com" }) { name }`],
    ['_status', `updateCarrier(id: ID, locale: fr, data: { _status: published }) { name }`],
    ['locale', `updateCarrier(id: ID, locale: zh, data: { name: "改名" }) { name }`],
  ])('is refused %s, nothing written', async (_what, mutation) => {
    const before = { stored: await storedCarrier(), fr: await newestFr() }
    const { status, body } = await graphql(`mutation { ${mutation.replace('ID', String(carrierId))} }`)
    expect(status).toBe(403)
    expect(body.errors?.length).toBeGreaterThan(0)
    expect(await storedCarrier()).toEqual(before.stored)
    expect(await newestFr()).toEqual(before.fr)
  })
})

describe('a translator for fr, through the Local API with overrideAccess: false', () => {
  const update = (payload: Payload, locale: 'zh' | 'fr', data: Record<string, unknown>) =>
    payload.update({ collection: 'carriers', id: carrierId, locale, data, user: staff.translator, overrideAccess: false })

  it('edits fr as a draft', async () => {
    const before = await storedCarrier()
    await update(db.payload, 'fr', { name: 'Opérateur (Local API)' })
    expect((await newestFr()).name).toBe('Opérateur (Local API)')
    expect((await storedCarrier()).locales).toEqual(before.locales)
  })

  it('is refused shared fields, publishing and other locales', async () => {
    const before = { stored: await storedCarrier(), fr: await newestFr() }
    await expect(update(db.payload, 'fr', { website: 'https://example.com' })).rejects.toMatchObject({ status: 403 })
    await expect(update(db.payload, 'fr', { _status: 'published' })).rejects.toMatchObject({ status: 403 })
    await expect(update(db.payload, 'zh', { name: '改名' })).rejects.toMatchObject({ status: 403 })
    await expect(
      db.payload.delete({ collection: 'carriers', id: carrierId, user: staff.translator, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await storedCarrier()).toEqual(before.stored)
    expect(await newestFr()).toEqual(before.fr)
  })
})

describe("the admin's copy to locale", () => {
  const copy = async (user: (typeof staff)['translator'], fromLocale: string, toLocale: string) => {
    // The server function behind the admin's "copy to locale" (its package entry also loads styles).
    const { copyDataFromLocaleHandler } = await import('@payloadcms/ui/utilities/copyDataFromLocale')
    const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, db.payload)
    return copyDataFromLocaleHandler({ collectionSlug: 'carriers', docID: carrierId, fromLocale, toLocale, overrideData: true, req } as never)
  }

  it('lets a translator copy the published zh text into fr, as a draft', async () => {
    const before = await storedCarrier()
    await copy(staff.translator, 'zh', 'fr')
    const fr = await newestFr()
    expect(fr.name).toBe('移动运营商')
    expect(fr._status).toBe('draft')
    expect(await storedCarrier()).toMatchObject({ doc: before.doc, locales: before.locales, offers: before.offers })
  })

  it('refuses a translator copying into zh or en; nothing written', async () => {
    const before = await storedCarrier()
    await expect(copy(staff.translator, 'fr', 'zh')).rejects.toMatchObject({ status: 403 })
    await expect(copy(staff.translator, 'zh', 'en')).rejects.toMatchObject({ status: 403 })
    expect(await storedCarrier()).toEqual(before)
  })

  it("an editor's copy into fr does not publish fr", async () => {
    await copy(staff.editor, 'zh', 'fr')
    expect((await storedCarrier()).locales.map((row) => row._locale)).not.toContain('fr')
    expect((await fetch(`${api.url}/api/carriers/${carrierId}?locale=fr`)).status).toBe(404)
  })
})
