import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { schedulePublishForPublishers } from '@/access/schedulePublishing'

import { startPayload, type TestPayload } from './helpers/payload'
import { createStaff } from './helpers/users'

let db: TestPayload
let staff: Awaited<ReturnType<typeof createStaff>>
let articleId: number

beforeAll(async () => {
  db = await startPayload('migrated')
  staff = await createStaff(db.payload)
  articleId = (await db.payload.create({ collection: 'articles', locale: 'zh', draft: true, data: { title: '定时', destination: 'NC' } })).id
})
afterAll(async () => {
  await db?.close()
})

const scheduledJobs = async () =>
  (await db.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, overrideAccess: true })).docs.map((job) => job.id)

/** The admin's server function, called as the admin calls it, for one of the staff. */
const schedule = async (who: 'editor' | 'translator', deleteID?: number | string) => {
  const user = { ...staff[who], collection: 'users' as const }
  const req = await createLocalReq({ user }, db.payload)
  return schedulePublishForPublishers({
    req,
    user,
    importMap: {},
    cookies: new Map(),
    permissions: {} as never,
    type: 'publish',
    doc: { relationTo: 'articles', value: String(articleId) },
    localeToPublish: 'fr',
    date: new Date(Date.now() + 3600_000),
    deleteID,
  })
}

describe('scheduled publishing from the admin', () => {
  it('an editor schedules a publication, and moves it (cancel, then schedule again)', async () => {
    await schedule('editor')
    const [first] = await scheduledJobs()
    expect(first).toBeDefined()
    await schedule('editor', first)
    const after = await scheduledJobs()
    expect(after).toHaveLength(1)
    expect(after).not.toContain(first)
  })

  it('a translator, who cannot publish, can neither schedule nor cancel one', async () => {
    const before = await scheduledJobs()
    await expect(schedule('translator')).rejects.toThrow()
    await expect(schedule('translator', before[0])).rejects.toThrow()
    expect(await scheduledJobs()).toEqual(before)
  })
})
