import pg from 'pg'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { down, up } from '../migrations/20261202_025306_offer_likelihoods'
import { publishedCarrier } from './helpers/content'
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

beforeAll(async () => {
  db = await startPayload('migrated')
})
afterAll(async () => {
  await db?.close()
})

describe('the offer_likelihoods migration', () => {
  it('turns the old checkboxes into yes and no, and an unset one into unknown, both ways', async () => {
    const { payload } = db
    const carrier = await payload.create({
      collection: 'carriers',
      locale: 'zh',
      data: {
        ...publishedCarrier(),
        offers: [
          { name: '旅游卡', type: 'tourist-sim', includesPhoneNumber: 'yes', receivesSms: 'yes' },
          { name: 'eSIM', type: 'esim', includesPhoneNumber: 'no', receivesSms: 'usually-not' },
        ],
      },
    })
    const req = await createLocalReq({}, payload)
    const migrationArgs = { db: payload.db.drizzle, payload, req } as unknown as Parameters<typeof up>[0]
    const offers = () =>
      rows(`select includes_phone_number as phone, receives_sms as sms from carriers_offers where _parent_id = ${carrier.id} order by _order`)

    await down(migrationArgs)
    // Down keeps what a checkbox can say: "usually not" is not a yes.
    expect(await offers()).toEqual([
      { phone: true, sms: true },
      { phone: false, sms: false },
    ])
    await rows(`update carriers_offers set receives_sms = null where _parent_id = ${carrier.id} and _order = 2`)

    await up(migrationArgs)
    expect(await offers()).toEqual([
      { phone: 'yes', sms: 'yes' },
      { phone: 'no', sms: 'unknown' },
    ])
    const versionColumns = await rows(
      `select data_type, udt_name, column_default from information_schema.columns where table_name = '_carriers_v_version_offers' and column_name = 'receives_sms'`,
    )
    expect(versionColumns[0]).toMatchObject({ data_type: 'USER-DEFINED', udt_name: 'enum__carriers_v_version_offers_receives_sms' })
    expect(versionColumns[0].column_default).toContain("'unknown'")
  })
})
