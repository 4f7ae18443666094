import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listenForChanges } from '@/freshness/changeBus'
import { tagsToExpire, type ChangeEvent } from '@/freshness/changeEvent'
import { changeChannel } from '@/freshness/settings'
import { localeCodes } from '@/lib/locales'
import { expireTagsHere, expiryClock, taggedStore } from '@/freshness/taggedStore'

import { publishedCarrier } from './helpers/content'
import { startPayload, type TestPayload } from './helpers/payload'
import { within } from './helpers/site'

const lists = (collection: string) => localeCodes.map((locale) => `${collection}:lists:${locale}`)

const update = (event: Partial<ChangeEvent> & Pick<ChangeEvent, 'collection' | 'locales' | 'published'>): ChangeEvent => ({
  id: 5,
  operation: 'update',
  slugs: { before: {}, after: {} },
  sharedFieldsChanged: false,
  ...event,
})

describe('the tags a change expires', () => {
  it('an edit of a published locale: that locale of the document, and the lists', () => {
    const event = update({
      collection: 'articles',
      locales: ['en'],
      published: { before: ['en'], after: ['en'] },
      slugs: { before: { en: ['a'] }, after: { en: ['a'] } },
    })
    expect(tagsToExpire(event)).toEqual(['articles:5:en', ...lists('articles')])
  })

  it('a draft of a locale readers never saw: nothing', () => {
    expect(
      tagsToExpire(
        update({
          collection: 'articles',
          locales: ['fr'],
          published: { before: [], after: [] },
        }),
      ),
    ).toEqual([])
  })

  it('a new draft: nothing, though every field of it is new', () => {
    const event = update({
      collection: 'articles',
      operation: 'create',
      locales: ['zh', 'en', 'fr'],
      published: { before: [], after: [] },
      sharedFieldsChanged: true,
    })
    expect(tagsToExpire(event)).toEqual([])
  })

  it('publishing a locale: every locale of the document (hreflang), the lists, and its slug', () => {
    const event = update({
      collection: 'articles',
      locales: ['fr'],
      published: { before: [], after: ['fr'] },
      slugs: { before: { fr: ['guide'] }, after: { fr: ['guide'] } },
    })
    expect(tagsToExpire(event)).toEqual(['articles:5', 'articles:5:fr', ...lists('articles'), 'articles:slug:fr:guide'])
  })

  it('a new slug: the old and the new one, and every locale of the document', () => {
    const event = update({
      collection: 'articles',
      locales: ['en'],
      published: { before: ['en'], after: ['en'] },
      slugs: { before: { en: ['old'] }, after: { en: ['new', 'old'] } },
    })
    expect(tagsToExpire(event)).toEqual(['articles:5', 'articles:5:en', ...lists('articles'), 'articles:slug:en:old', 'articles:slug:en:new'])
  })

  it("a carrier's price (shared by every locale): the carrier everywhere, so every guide embedding it", () => {
    const event = update({
      collection: 'carriers',
      id: 3,
      locales: ['zh', 'en', 'fr'],
      published: { before: ['zh'], after: ['zh'] },
      sharedFieldsChanged: true,
    })
    expect(tagsToExpire(event)).toEqual(['carriers:3', 'carriers:3:zh', 'carriers:3:en', 'carriers:3:fr', ...lists('carriers')])
  })

  it("an image's alt text in one locale: the image, so every page showing it", () => {
    const event = update({
      collection: 'media',
      id: 9,
      locales: ['en'],
      published: { before: ['en'], after: ['en'] },
    })
    expect(tagsToExpire(event)).toEqual(['media:9', 'media:9:en', ...lists('media')])
  })
})

describe('a tagged store bounded in bytes', () => {
  const weighed = () => taggedStore<string>(`weighed-${Math.random()}`, (value) => value.length)

  it('forgets the least recently used answers once their bytes pass the bound, and counts what it keeps', () => {
    const store = weighed()
    const startedAt = expiryClock()
    for (const key of ['a', 'b', 'c']) store.store(key, key.repeat(10), [`tag-${key}`], startedAt, 100, 25)
    // 30 bytes asked for 25: the oldest goes, though 100 entries would fit.
    expect(['a', 'b', 'c'].map((key) => store.get(key))).toEqual([undefined, 'b'.repeat(10), 'c'.repeat(10)])
    expect(store.bytes()).toBe(20)
    // A read makes b the most recently used: c is now the one to go.
    store.get('b')
    store.store('d', 'd'.repeat(10), ['tag-d'], startedAt, 100, 25)
    expect(['b', 'c', 'd'].map((key) => store.get(key) !== undefined)).toEqual([true, false, true])
    expect(store.bytes()).toBe(20)
  })

  it('keeps no answer heavier than the whole bound, and gives back the bytes of what a change expires', () => {
    const store = weighed()
    const startedAt = expiryClock()
    store.store('huge', 'x'.repeat(30), ['tag-huge'], startedAt, 100, 25)
    expect(store.get('huge')).toBeUndefined()
    expect(store.bytes()).toBe(0)
    store.store('kept', 'y'.repeat(12), ['tag-kept'], startedAt, 100, 25)
    store.store('kept', 'y'.repeat(8), ['tag-kept'], startedAt, 100, 25)
    expect(store.bytes()).toBe(8)
    expireTagsHere(['tag-kept'])
    expect(store.get('kept')).toBeUndefined()
    expect(store.bytes()).toBe(0)
  })
})

describe('a committed write', () => {
  let db: TestPayload
  let listener: pg.Client
  const heard: string[][] = []

  beforeAll(async () => {
    db = await startPayload('migrated')
    listener = new pg.Client({ connectionString: db.databaseUrl })
    await listener.connect()
    listener.on('notification', ({ payload }) => heard.push((JSON.parse(payload!) as { tags: string[] }).tags))
    await listener.query(`listen ${changeChannel}`)
  })
  afterAll(async () => {
    await listener?.end()
    await db?.close()
  })

  /** A store holding one entry per tag: after a write, the entries left say exactly which tags it expired. */
  const probe = (tags: string[]) => {
    const store = taggedStore<string>(`probe-${Math.random()}`)
    const startedAt = expiryClock()
    for (const tag of tags) store.store(tag, tag, [tag], startedAt, 1000)
    return {
      expired: () => tags.filter((tag) => store.get(tag) === undefined),
    }
  }

  /** The announcement that names `tag`, once it has arrived. */
  const announcementOf = async (tag: string) => {
    for (let tries = 0; tries < 50 && !heard.some((tags) => tags.includes(tag)); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20))
    return heard.filter((tags) => tags.includes(tag)).at(-1)
  }

  it('expires in this process exactly the tags of its change, and announces them to other instances', async () => {
    const article = await db.payload.create({
      collection: 'articles',
      locale: 'zh',
      data: {
        title: '新鲜',
        slug: 'fresh',
        destination: 'NC',
        _status: 'published',
      },
    })
    const other = await db.payload.create({
      collection: 'articles',
      locale: 'zh',
      data: {
        title: '别的',
        slug: 'other',
        destination: 'NC',
        _status: 'published',
      },
    })
    // The creations' own announcements arrive first; only the update's is looked for.
    await new Promise((resolve) => setTimeout(resolve, 300))
    heard.length = 0
    const { expired } = probe([
      `articles:${article.id}`,
      `articles:${article.id}:zh`,
      `articles:${article.id}:en`,
      `articles:${other.id}`,
      `articles:${other.id}:zh`,
      'articles:lists:zh',
      'articles:slug:zh:fresh',
      'carriers:lists:zh',
    ])
    await db.payload.update({
      collection: 'articles',
      id: article.id,
      locale: 'zh',
      data: { title: '更新鲜' },
    })
    expect(expired()).toEqual([`articles:${article.id}:zh`, 'articles:lists:zh'])
    expect(await announcementOf(`articles:${article.id}:zh`)).toEqual([`articles:${article.id}:zh`, ...lists('articles')])
  })

  it('a carrier edit expires the carrier in every locale, which every guide embedding it carries', async () => {
    const carrier = await db.payload.create({
      collection: 'carriers',
      locale: 'zh',
      data: publishedCarrier(),
    })
    const { expired } = probe([`carriers:${carrier.id}`, `articles:1:zh`, 'articles:lists:zh', 'carriers:lists:fr'])
    await db.payload.update({
      collection: 'carriers',
      id: carrier.id,
      locale: 'zh',
      data: { website: 'https://opt.nc/mobilis' },
    })
    expect(expired()).toEqual([`carriers:${carrier.id}`, 'carriers:lists:fr'])
  })

  it('a write that rolls back expires nothing and announces nothing', async () => {
    const article = await db.payload.create({
      collection: 'articles',
      locale: 'zh',
      data: {
        title: '回滚',
        slug: 'rolled-back',
        destination: 'NC',
        _status: 'published',
      },
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const before = heard.length
    const { expired } = probe([`articles:${article.id}:zh`, 'articles:lists:zh'])
    const { createLocalReq, initTransaction, killTransaction } = await import('payload')
    const req = await createLocalReq({}, db.payload)
    await initTransaction(req)
    await db.payload.update({
      collection: 'articles',
      id: article.id,
      locale: 'zh',
      data: { title: '不会留下' },
      req,
    })
    await killTransaction(req)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(expired()).toEqual([])
    expect(heard.length).toBe(before)
  })
})

describe("an instance's change listener", () => {
  let db: TestPayload
  let sender: pg.Client

  beforeAll(async () => {
    db = await startPayload('migrated')
    sender = new pg.Client({ connectionString: db.databaseUrl })
    await sender.connect()
  })
  afterAll(async () => {
    await sender?.end()
    await db?.close()
  })

  const notify = (payload: string) => sender.query('select pg_notify($1, $2)', [changeChannel, payload])

  it("applies other instances' tags, and ignores what is not an announcement or not a site tag", async () => {
    const heard: string[][] = []
    const bus = listenForChanges({ databaseUrl: db.databaseUrl, onTags: async (tags) => void heard.push(tags), onReconnect: () => {} })
    try {
      // Alone on its database, it takes the jobs lock once connected and listening.
      await within(5_000, () => bus.isJobRunner(), 50)
      await notify('not json')
      await notify(JSON.stringify({ tags: ['articles:1'] }))
      await notify(JSON.stringify({ origin: 'another instance', tags: ['articles:1:fr', 'users:3', 'articles:lists:fr'] }))
      await within(2_000, async () => heard.length > 0, 20)
      expect(heard).toEqual([['articles:1:fr', 'articles:lists:fr']])
    } finally {
      await bus.stop()
    }
  })

  it('lets one instance at a time run jobs, and another take over when it stops', async () => {
    const listen = () => listenForChanges({ databaseUrl: db.databaseUrl, onTags: async () => {}, onReconnect: () => {} })
    const first = listen()
    const second = listen()
    try {
      await within(5_000, async () => (await first.isJobRunner()) || (await second.isJobRunner()), 50)
      const runners = [await first.isJobRunner(), await second.isJobRunner()]
      expect(runners.filter(Boolean)).toHaveLength(1)
      const [runner, other] = runners[0] ? [first, second] : [second, first]
      await runner.stop()
      await within(5_000, () => other.isJobRunner(), 50)
    } finally {
      await first.stop()
      await second.stop()
    }
  })
})
