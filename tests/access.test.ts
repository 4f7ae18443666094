import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff, password } from './helpers/users'

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let headers: Record<'admin' | 'editor' | 'translator', Record<string, string>>
let publishedId: number
let draftId: number

beforeAll(async () => {
  db = await startPayload('migrated')
  api = await startApiServer()
  await createStaff(db.payload)
  headers = {
    admin: await login(api.url, 'admin@lagon.test', password),
    editor: await login(api.url, 'editor@lagon.test', password),
    translator: await login(api.url, 'translator@lagon.test', password),
  }
  const published = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    data: { title: '已发布', destination: 'NC', sourceLocale: 'zh', _status: 'published' },
  })
  publishedId = published.id
  // A newer draft of a published article: readers must keep seeing the published text.
  await db.payload.update({
    collection: 'articles',
    id: publishedId,
    locale: 'zh',
    draft: true,
    data: { title: '尚未发布的修改' },
  })
  const draft = await db.payload.create({
    collection: 'articles',
    locale: 'zh',
    draft: true,
    data: { title: '草稿', destination: 'NC', _status: 'draft' },
  })
  draftId = draft.id
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const graphql = async (query: string, auth: Record<string, string> = {}) => {
  const response = await fetch(`${api.url}/api/graphql`, {
    method: 'POST',
    headers: json(auth),
    body: JSON.stringify({ query }),
  })
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] }
}

describe('anonymous readers', () => {
  it('list only published articles over REST, with their published text', async () => {
    const response = await fetch(`${api.url}/api/articles?locale=zh&depth=0`)
    const body = (await response.json()) as { docs: { id: number; title: string }[] }
    expect(body.docs.map((doc) => doc.id)).toEqual([publishedId])
    expect(body.docs[0]!.title).toBe('已发布')
  })

  it('cannot read a draft by id, or a newer draft with ?draft=true', async () => {
    expect((await fetch(`${api.url}/api/articles/${draftId}`)).status).toBe(404)
    const response = await fetch(`${api.url}/api/articles/${publishedId}?draft=true&locale=zh`)
    expect(((await response.json()) as { title: string }).title).toBe('已发布')
    const list = await fetch(`${api.url}/api/articles?draft=true&locale=zh`)
    const titles = ((await list.json()) as { docs: { title: string }[] }).docs.map((doc) => doc.title)
    expect(titles).toEqual(['已发布'])
  })

  it('see no drafts over GraphQL', async () => {
    const list = await graphql('{ Articles(locale: zh) { docs { id title } } }')
    expect(list.data?.Articles).toEqual({ docs: [{ id: publishedId, title: '已发布' }] })
    const one = await graphql(`{ Article(id: ${draftId}) { id title } }`)
    expect(one.data?.Article ?? null).toBeNull()
    const drafted = await graphql(`{ Article(id: ${publishedId}, draft: true, locale: zh) { title } }`)
    expect(drafted.data?.Article).toEqual({ title: '已发布' })
  })

  it('cannot read versions, users, or write anything', async () => {
    expect((await fetch(`${api.url}/api/articles/versions`)).status).toBe(403)
    expect((await fetch(`${api.url}/api/users`)).status).toBe(403)
    const created = await fetch(`${api.url}/api/articles`, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ title: '匿名', destination: 'NC' }),
    })
    expect(created.status).toBe(403)
  })
})

describe('staff', () => {
  it('see drafts', async () => {
    const response = await fetch(`${api.url}/api/articles/${draftId}`, { headers: headers.translator })
    expect(response.status).toBe(200)
  })

  it('editors create; translators do not', async () => {
    const post = (auth: Record<string, string>) =>
      fetch(`${api.url}/api/tips`, {
        method: 'POST',
        headers: json(auth),
        body: JSON.stringify({ title: '新提示', destination: 'NC' }),
      })
    expect((await post(headers.editor)).status).toBe(201)
    expect((await post(headers.translator)).status).toBe(403)
  })

  it('translators edit', async () => {
    const response = await fetch(`${api.url}/api/articles/${draftId}?locale=fr`, {
      method: 'PATCH',
      headers: json(headers.translator),
      body: JSON.stringify({ title: 'Brouillon' }),
    })
    expect(response.status).toBe(200)
  })

  it('only admins delete', async () => {
    const remove = (auth: Record<string, string>) =>
      fetch(`${api.url}/api/articles/${draftId}`, { method: 'DELETE', headers: auth })
    expect((await remove(headers.editor)).status).toBe(403)
    expect((await remove(headers.translator)).status).toBe(403)
    expect((await remove(headers.admin)).status).toBe(200)
  })

  it('only admins manage users, and nobody raises their own role', async () => {
    const list = await fetch(`${api.url}/api/users`, { headers: headers.editor })
    const emails = ((await list.json()) as { docs: { email: string }[] }).docs.map((user) => user.email)
    expect(emails).toEqual(['editor@lagon.test'])

    const me = await db.payload.find({ collection: 'users', where: { email: { equals: 'editor@lagon.test' } } })
    await fetch(`${api.url}/api/users/${me.docs[0]!.id}`, {
      method: 'PATCH',
      headers: json(headers.editor),
      body: JSON.stringify({ role: 'admin' }),
    })
    const after = await db.payload.findByID({ collection: 'users', id: me.docs[0]!.id })
    expect(after.role).toBe('editor')

    const created = await fetch(`${api.url}/api/users`, {
      method: 'POST',
      headers: json(headers.editor),
      body: JSON.stringify({ email: 'new@lagon.test', password, name: 'New', role: 'admin' }),
    })
    expect(created.status).toBe(403)
  })
})

describe('the first account', () => {
  it('is made in the first-register screen, as an admin, and only once', async () => {
    const fresh = await startPayloadlessRegister()
    expect(fresh).toBe('admin')
  })
})

/** Registers the first user on an empty users table (the admin's first-register screen's call). */
const startPayloadlessRegister = async (): Promise<string | undefined> => {
  await db.payload.delete({ collection: 'users', where: { id: { exists: true } } })
  const register = (email: string) =>
    fetch(`${api.url}/api/users/first-register`, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ email, password, name: 'First', role: 'editor' }),
    })
  const first = await register('first@lagon.test')
  expect(first.status).toBe(200)
  const second = await register('second@lagon.test')
  expect(second.status).toBe(403)
  const users = await db.payload.find({ collection: 'users' })
  expect(users.docs.map((user) => user.email)).toEqual(['first@lagon.test'])
  return users.docs[0]?.role
}
