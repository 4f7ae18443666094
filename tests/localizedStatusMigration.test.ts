import pg from 'pg'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { down, up } from '../migrations/20261127_023154_localized_status'
import { startPayload, type TestPayload } from './helpers/payload'

let db: TestPayload

const rows = async (sql: string) => {
  const client = new pg.Client({ connectionString: db.databaseUrl })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

const statusByLocale = async (table: string, column: string, parent: number) =>
  Object.fromEntries(
    (await rows(`select _locale, ${column} as status from ${table} where _parent_id = ${parent}`)).map((row) => [row._locale, row.status]),
  )

beforeAll(async () => {
  db = await startPayload('migrated')
})
afterAll(async () => {
  await db?.close()
})

describe('the localized_status migration', () => {
  it('keeps a published document published in the locales with their own title, and drafts as drafts', async () => {
    const { payload } = db
    const published = await payload.create({
      collection: 'tips',
      locale: 'zh',
      data: { title: '带现金', destination: 'NC', category: 'cash', sourceLocale: 'zh', _status: 'published' },
    })
    await payload.update({ collection: 'tips', id: published.id, locale: 'en', data: { title: 'Carry cash', _status: 'published' } })
    const draft = await payload.create({
      collection: 'tips',
      locale: 'zh',
      draft: true,
      data: { title: '草稿', destination: 'NC', category: 'other', sourceLocale: 'zh' },
    })
    const req = await createLocalReq({}, payload)
    const migrationArgs = { db: payload.db.drizzle, payload, req } as unknown as Parameters<typeof up>[0]

    await down(migrationArgs)
    expect((await rows(`select id, _status from tips order by id`)).map((row) => row._status)).toEqual(['published', 'draft'])
    // A fr row with no title of its own: fr was only ever a fallback.
    await rows(`insert into tips_locales (_locale, _parent_id) values ('fr', ${published.id})`)

    await up(migrationArgs)
    expect(await statusByLocale('tips_locales', '_status', published.id)).toEqual({ zh: 'published', en: 'published', fr: 'draft' })
    expect(await statusByLocale('tips_locales', '_status', draft.id)).toEqual({ zh: 'draft' })
    const latest = (await rows(`select id from _tips_v where parent_id = ${published.id} and latest`))[0].id as number
    expect(await statusByLocale('_tips_v_locales', 'version__status', latest)).toMatchObject({ zh: 'published', en: 'published' })
  })
})
