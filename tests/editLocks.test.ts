import { sql } from '@payloadcms/db-postgres'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { errorPaths, json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password, staffHeaders } from './helpers/users'

/**
 * Locks per part of a document (src/editLocks/): the claims the admin's edit view makes, and how
 * saves through REST and GraphQL respect them. Real server, real database.
 */
let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let staff: Awaited<ReturnType<typeof staffHeaders>>
let secondEditor: Record<string, string>
let articleId: number

type Claim = { part: string; holder: { name: string }; mine: boolean }

const claim = async (headers: Record<string, string>, query: string, id = articleId) => {
  const response = await fetch(`${api.url}/api/articles/${id}/edit-locks?${query}`, { method: 'POST', headers })
  return { status: response.status, body: (await response.json()) as { claims?: Claim[]; errors?: { message: string }[] } }
}

const release = (headers: Record<string, string>, locale: string) =>
  fetch(`${api.url}/api/articles/${articleId}/edit-locks?locale=${locale}`, { method: 'DELETE', headers })

const save = (headers: Record<string, string>, locale: string, data: Record<string, unknown>) =>
  fetch(`${api.url}/api/articles/${articleId}?locale=${locale}&draft=true`, { method: 'PATCH', headers: json(headers), body: JSON.stringify(data) })

const stored = async (locale: string) =>
  (await db.payload.findByID({ collection: 'articles', id: articleId, locale: locale as 'zh', draft: true, depth: 0, fallbackLocale: false })) as unknown as Record<
    string,
    unknown
  >

const held = (claims: Claim[] | undefined) => Object.fromEntries((claims ?? []).map((part) => [part.part, `${part.holder.name}${part.mine ? ' (mine)' : ''}`]))

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  await createStaff(db.payload)
  await db.payload.create({ collection: 'users', data: { email: 'editor2@lagon.test', password, name: 'second editor', role: 'editor' } })
  staff = await staffHeaders(api.url)
  secondEditor = await login(api.url, 'editor2@lagon.test', password)
  const article = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: { title: '锁', summary: '摘要', destination: 'NC', sourceLocale: 'zh', lastVerified: '2026-01-01T00:00:00.000Z', _status: 'published' },
  })
  articleId = article.id
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})
beforeEach(async () => {
  await (db.payload.db as unknown as PostgresAdapter).drizzle.execute(sql`delete from edit_locks`)
})

describe('claiming parts', () => {
  it('an editor holds their locale and the shared fields; a translator their locale only', async () => {
    const editor = await claim(staff.editor, 'locale=zh&shared=1')
    expect(editor.status).toBe(200)
    expect(held(editor.body.claims)).toEqual({ zh: 'editor (mine)', shared: 'editor (mine)' })
    const translator = await claim(staff.translator, 'locale=fr')
    expect(held(translator.body.claims)).toEqual({ zh: 'editor', shared: 'editor', fr: 'translator (mine)' })
    // A second editor in zh is told who holds it, and takes nothing.
    const second = await claim(secondEditor, 'locale=zh&shared=1')
    expect(held(second.body.claims)).toEqual({ zh: 'editor', shared: 'editor', fr: 'translator' })
    // Renewing keeps what one holds.
    expect(held((await claim(staff.editor, 'locale=zh&shared=1')).body.claims)).toMatchObject({ zh: 'editor (mine)' })
  })

  it('refuses what a person may not edit, naming the parameter', async () => {
    const sharedByTranslator = await claim(staff.translator, 'locale=fr&shared=1')
    expect(sharedByTranslator.status).toBe(403)
    expect(errorPaths(sharedByTranslator.body)).toEqual(['shared'])
    const otherLocale = await claim(staff.translator, 'locale=zh')
    expect(otherLocale.status).toBe(403)
    expect(errorPaths(otherLocale.body)).toEqual(['locale'])
    const badLocale = await claim(staff.editor, 'locale=de')
    expect(badLocale.status).toBe(400)
    expect(errorPaths(badLocale.body)).toEqual(['locale'])
    expect((await claim(staff.editor, 'locale=zh', 999_999)).status).toBe(404)
    expect((await claim({}, 'locale=zh')).status).toBe(401)
    expect((await (db.payload.db as unknown as PostgresAdapter).drizzle.execute(sql`select * from edit_locks`)).rows).toEqual([])
  })

  it('a release frees the parts; an expired claim is no one’s; a take-over moves the part', async () => {
    await claim(staff.editor, 'locale=zh&shared=1')
    expect((await release(staff.editor, 'zh')).status).toBe(204)
    expect(held((await claim(secondEditor, 'locale=zh&shared=1')).body.claims)).toEqual({ zh: 'second editor (mine)', shared: 'second editor (mine)' })
    await (db.payload.db as unknown as PostgresAdapter).drizzle.execute(sql`update edit_locks set expires_at = now() - interval '1 second'`)
    expect(held((await claim(staff.editor, 'locale=zh')).body.claims)).toEqual({ zh: 'editor (mine)' })
    const takeOver = await claim(secondEditor, 'locale=zh&shared=1&takeOver=1')
    expect(held(takeOver.body.claims)).toEqual({ zh: 'second editor (mine)', shared: 'second editor (mine)' })
  })
})

describe('saves respect the parts others hold', () => {
  it('a locale someone else holds: 423 Locked naming it, nothing written; other locales save', async () => {
    await claim(staff.editor, 'locale=zh&shared=1')
    const refused = await save(secondEditor, 'zh', { summary: '被锁住' })
    expect(refused.status).toBe(423)
    const body = (await refused.json()) as { errors: { name: string; message: string; data: { part: string; holder: string } }[] }
    expect(body.errors[0]).toMatchObject({ name: 'Locked', data: { part: 'zh', holder: 'editor' } })
    expect(errorPaths(body)).toEqual(['locale'])
    expect((await stored('zh')).summary).toBe('摘要')
    // The holder saves; so does anyone in a locale no one holds.
    expect((await save(staff.editor, 'zh', { summary: '编辑的摘要' })).status).toBe(200)
    expect((await save(secondEditor, 'en', { summary: 'English summary' })).status).toBe(200)
    expect((await stored('en')).summary).toBe('English summary')
  })

  it('over GraphQL too', async () => {
    await claim(staff.editor, 'locale=zh')
    const response = await fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: json(secondEditor),
      body: JSON.stringify({ query: `mutation { updateArticle(id: ${articleId}, locale: zh, draft: true, data: { summary: "GraphQL" }) { id } }` }),
    })
    const body = (await response.json()) as { errors?: { extensions: { name: string; statusCode: number; data: { part: string } } }[] }
    expect(body.errors?.[0]?.extensions).toMatchObject({ name: 'Locked', statusCode: 423, data: { part: 'zh' } })
  })

  it('shared fields: an API save changing them while someone else holds them gets 423 naming `shared`', async () => {
    await claim(staff.editor, 'locale=zh&shared=1')
    const refused = await save(secondEditor, 'en', { title: 'Locks', lastVerified: '2026-03-01T00:00:00.000Z' })
    expect(refused.status).toBe(423)
    expect(((await refused.json()) as { errors: { data: { part: string } }[] }).errors[0]!.data.part).toBe('shared')
    expect((await stored('en')).title).toBeFalsy()
    // Sending the stored value is no change; the holder changes it.
    expect((await save(secondEditor, 'en', { title: 'Locks', lastVerified: '2026-01-01T00:00:00.000Z' })).status).toBe(200)
    expect((await save(staff.editor, 'zh', { lastVerified: '2026-03-01T00:00:00.000Z' })).status).toBe(200)
    expect((await stored('zh')).lastVerified).toBe('2026-03-01T00:00:00.000Z')
  })

  it('a save from an edit view without the shared part keeps the stored shared values (a stale form never overwrites them)', async () => {
    await claim(staff.editor, 'locale=zh&shared=1')
    await claim(staff.translator, 'locale=fr')
    await claim(secondEditor, 'locale=en&shared=1') // shared stays the editor's
    expect((await save(staff.editor, 'zh', { lastVerified: '2026-04-01T00:00:00.000Z' })).status).toBe(200)
    // Forms opened before that save: the translator's and the second editor's hold the old date.
    const translatorSave = await save(staff.translator, 'fr', { title: 'Verrous', lastVerified: '2026-01-01T00:00:00.000Z', destination: 'NC' })
    expect(translatorSave.status, await translatorSave.clone().text()).toBe(200)
    const editorSave = await save(secondEditor, 'en', { title: 'Locks again', lastVerified: '2026-01-01T00:00:00.000Z' })
    expect(editorSave.status, await editorSave.clone().text()).toBe(200)
    expect((await stored('fr')).title).toBe('Verrous')
    expect((await stored('en')).title).toBe('Locks again')
    expect((await stored('zh')).lastVerified).toBe('2026-04-01T00:00:00.000Z')
  })

  it('an editor in zh and a translator in fr save at once, whole forms, and both changes stay', async () => {
    await claim(staff.editor, 'locale=zh&shared=1')
    await claim(staff.translator, 'locale=fr')
    const zhForm: Record<string, unknown> = { ...(await stored('zh')), summary: '同时保存的中文' }
    const frForm: Record<string, unknown> = { ...(await stored('fr')), title: 'Enregistré en même temps' }
    for (const form of [zhForm, frForm]) for (const key of ['id', 'createdAt', 'updatedAt', 'revision', '_status']) delete form[key]
    const [zh, fr] = await Promise.all([save(staff.editor, 'zh', zhForm), save(staff.translator, 'fr', frForm)])
    expect(zh.status, await zh.clone().text()).toBe(200)
    expect(fr.status, await fr.clone().text()).toBe(200)
    expect((await stored('zh')).summary).toBe('同时保存的中文')
    expect((await stored('fr')).title).toBe('Enregistré en même temps')
  })
})
