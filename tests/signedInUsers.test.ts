import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listenForChanges } from '@/freshness/changeBus'
import { changeChannel } from '@/freshness/settings'
import { expireTagsHere, forgetEverythingHere } from '@/freshness/taggedStore'

import { login, startApiServer } from './helpers/apiServer'
import { json } from './helpers/http'
import { startPayload, type TestPayload } from './helpers/payload'
import { within } from './helpers/site'
import { createStaff, password } from './helpers/users'

/**
 * The account a token names is kept in memory (src/accounts/signedInUsers.ts) instead of read on
 * every request. Over real HTTP, with this process listening on the change channel as each
 * instance of Lagon's server does (without a Next server to tell: the tags are applied here):
 * every change to an account holds from the next request in the instance that made it, and
 * within a second for a change made elsewhere (another instance, or SQL), which only the
 * database's trigger announces.
 */
let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>
let bus: ReturnType<typeof listenForChanges>
let sql: pg.Client
let admin: Record<string, string>
const heard: string[][] = []

beforeAll(async () => {
  db = await startPayload('migrated', { API_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '1000' })
  api = await startApiServer()
  await createStaff(db.payload)
  admin = await login(api.url, 'admin@lagon.test', password)
  const onTags = async (tags: string[]) => {
    expireTagsHere(tags)
    heard.push(tags)
  }
  bus = listenForChanges({ databaseUrl: db.databaseUrl, onTags, onReconnect: forgetEverythingHere })
  sql = new pg.Client({ connectionString: db.databaseUrl })
  await sql.connect()
  // Listening before any test relies on it: it takes the jobs lock once it listens.
  await within(5_000, () => bus.isJobRunner(), 50)
})
afterAll(async () => {
  await sql?.end()
  await bus?.stop()
  await api?.close()
  await db?.close()
})

/**
 * Waits until this process has heard every announcement committed so far: a marker sent now
 * arrives after them (one channel, in commit order). A login's own announcement, arriving
 * late, would otherwise forget the account kept right after it.
 */
const settled = async () => {
  const marker = 'articles:lists:zh'
  const before = heard.length
  await sql.query('select pg_notify($1, $2)', [changeChannel, JSON.stringify({ origin: 'this test', tags: [marker] })])
  await within(2_000, async () => heard.slice(before).some((tags) => tags.includes(marker)), 10)
}

type Me = { id: number; role: string; email: string } | null

const me = async (headers: Record<string, string>): Promise<Me> =>
  ((await (await fetch(`${api.url}/api/users/me`, { headers })).json()) as { user: Me }).user

/** Who GraphQL takes the token for (its requests are kept apart from REST's). */
const graphqlMe = async (headers: Record<string, string>): Promise<number | null> => {
  const response = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: json(headers), body: JSON.stringify({ query: '{ meUser { user { id } } }' }) })
  return ((await response.json()) as { data?: { meUser?: { user?: { id: number } | null } | null } }).data?.meUser?.user?.id ?? null
}

/** An admin's read: API keys (403 to anyone else). */
const readsKeys = async (headers: Record<string, string>) => (await fetch(`${api.url}/api/api-keys?limit=1`, { headers })).status

let accounts = 0
const newAccount = async (role: 'admin' | 'editor' | 'translator' = 'editor') => {
  accounts += 1
  const email = `person${accounts}@lagon.test`
  const user = await db.payload.create({ collection: 'users', data: { email, password, name: `Person ${accounts}`, role, locales: role === 'translator' ? ['fr'] : undefined } })
  return { id: user.id, email, headers: await login(api.url, email, password) }
}

describe('a signed-in account kept in memory', () => {
  it('answers as Payload does, for each request', async () => {
    const person = await newAccount()
    const first = await me(person.headers)
    const again = await me(person.headers)
    expect(first).toMatchObject({ id: person.id, email: person.email, role: 'editor' })
    expect(again).toEqual(first)
    expect(await me({ Authorization: `${person.headers.Authorization}x` })).toBeNull()
  })

  it('is kept: a change nobody announces is not seen, one the trigger announces is', async () => {
    const person = await newAccount('admin')
    await settled()
    expect(await readsKeys(person.headers)).toBe(200)
    // Replica mode skips triggers: this write is not announced, and the kept account keeps its old role.
    await sql.query('begin')
    await sql.query("set local session_replication_role = 'replica'")
    await sql.query("update users set role = 'editor' where id = $1", [person.id])
    await sql.query('commit')
    await settled()
    expect(await readsKeys(person.headers)).toBe(200)
    // The same change made as anyone with SQL would: the trigger announces it.
    await sql.query("update users set role = 'editor' where id = $1", [person.id])
    await within(1_000, async () => (await readsKeys(person.headers)) === 403, 20)
  })

  it('logout: the token is refused from the next request', async () => {
    const person = await newAccount('admin')
    expect(await readsKeys(person.headers)).toBe(200)
    expect(await graphqlMe(person.headers)).toBe(person.id)
    const out = await fetch(`${api.url}/api/users/logout`, { method: 'POST', headers: person.headers })
    expect(out.status).toBe(200)
    expect(await me(person.headers)).toBeNull()
    expect(await readsKeys(person.headers)).toBe(403)
    expect(await graphqlMe(person.headers)).toBeNull()
  })

  it('another session’s logout leaves this one signed in', async () => {
    const person = await newAccount()
    const other = await login(api.url, person.email, password)
    expect(await me(person.headers)).not.toBeNull()
    expect((await fetch(`${api.url}/api/users/logout`, { method: 'POST', headers: other })).status).toBe(200)
    expect(await me(other)).toBeNull()
    expect((await me(person.headers))?.id).toBe(person.id)
  })

  it('a role changed by an admin: the next request has the new role', async () => {
    const person = await newAccount('admin')
    expect(await readsKeys(person.headers)).toBe(200)
    const changed = await fetch(`${api.url}/api/users/${person.id}`, { method: 'PATCH', headers: json(admin), body: JSON.stringify({ role: 'translator', locales: ['fr'] }) })
    expect(changed.status).toBe(200)
    expect((await me(person.headers))?.role).toBe('translator')
    expect(await readsKeys(person.headers)).toBe(403)
  })

  it('a password reset by an admin ends the sessions at once', async () => {
    const person = await newAccount()
    expect(await me(person.headers)).not.toBeNull()
    const reset = await fetch(`${api.url}/api/users/${person.id}`, { method: 'PATCH', headers: json(admin), body: JSON.stringify({ password: 'reset by the admin today' }) })
    expect(reset.status).toBe(200)
    expect(await me(person.headers)).toBeNull()
  })

  it('a deleted account: its token is refused at once', async () => {
    const person = await newAccount()
    expect(await me(person.headers)).not.toBeNull()
    expect((await fetch(`${api.url}/api/users/${person.id}`, { method: 'DELETE', headers: admin })).status).toBe(200)
    expect(await me(person.headers)).toBeNull()
  })

  it('a session revoked or an account deleted elsewhere (SQL, another instance): refused within a second', async () => {
    const revoked = await newAccount()
    const deleted = await newAccount()
    expect(await me(revoked.headers)).not.toBeNull()
    expect(await me(deleted.headers)).not.toBeNull()
    await sql.query('delete from users_sessions where _parent_id = $1', [revoked.id])
    await within(1_000, async () => (await me(revoked.headers)) === null, 20)
    await sql.query('delete from users where id = $1', [deleted.id])
    await within(1_000, async () => (await me(deleted.headers)) === null, 20)
  })
})
