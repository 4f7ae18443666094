import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lagonCommand } from '@/cli/processes'
import { ImportError } from '@/import/errors'
import { importDocument } from '@/import/importDocument'
import { dropPromotionalLines } from '@/import/promotionalLines'

import { startPayload, type TestPayload } from './helpers/payload'

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures/import', name)

let db: TestPayload
beforeAll(async () => {
  db = await startPayload('migrated')
})
afterAll(async () => {
  await db?.close()
})

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' })
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  children,
  direction: null,
  format: '',
  indent: 0,
  ...extra,
})
const paragraph = (children: unknown[]) => element('paragraph', children, { textFormat: 0, textStyle: '' })

describe('promotional lines', () => {
  it('drops contact handles and hot-linked ad images, and keeps ordinary mentions of WeChat', () => {
    const { kept, dropped } = dropPromotionalLines(
      ['微信可以在全球收发消息。', '加微信：abc12345 领优惠', 'Follow TG @jx0703', '![ad](https://example.com/ad.png)'].join('\n'),
      10,
    )
    expect(kept.split('\n')).toEqual(['微信可以在全球收发消息。', '', '', ''])
    expect(dropped.map(({ line, reason }) => [line, reason])).toEqual([
      [11, 'WeChat handle'],
      [12, 'Telegram handle'],
      [13, 'external image used as an ad'],
    ])
  })
})

describe('importing a Markdown file', () => {
  it('turns headings, bold, a numbered list and links into Lexical, and drops the spam line', async () => {
    const result = await importDocument({ payload: db.payload, file: fixture('seed-shaped.md'), locale: 'zh', collection: 'articles' })
    expect(result.action).toBe('created')
    expect(result.dropped).toEqual([
      {
        line: 18,
        reason: 'Telegram handle',
        text: '[TG💪+ @spam0703 ![Image](https://github.com/user-attachments/assets/0000)]',
      },
    ])
    const article = await db.payload.findByID({ collection: 'articles', id: result.id, locale: 'zh', depth: 0 })
    expect(article.title).toBe('岛屿上网指南')
    expect(article._status).toBe('published')
    expect(article.body).toEqual({
      root: element('root', [
        element('heading', [text('岛屿上网指南')], { tag: 'h1' }),
        paragraph([text('出发前先了解'), text('当地唯一的运营商', 1), text('。')]),
        element('heading', [text('实用小贴士')], { tag: 'h2' }),
        element(
          'list',
          [
            element('listitem', [text('提前准备现金', 1), text('：小商店可能只收现金。')], { value: 1 }),
            element('listitem', [text('使用银行卡', 1), text('：酒店和餐厅普遍接受。')], { value: 2 }),
          ],
          { listType: 'number', start: 1, tag: 'ol' },
        ),
        paragraph([
          text('详见'),
          { ...element('link', [text('官方网站')]), version: 3, fields: { linkType: 'custom', newTab: false, url: 'https://www.opt.nc/' } },
          text('。'),
        ]),
      ]),
    })
    expect(JSON.stringify(article)).not.toContain('spam0703')
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await db.payload.find({ collection: 'articles', where: { slug: { equals: 'dao-yu-shang-wang' } }, locale: 'zh' })
    const result = await importDocument({ payload: db.payload, file: fixture('seed-shaped.md'), locale: 'zh', collection: 'articles' })
    expect(result.action).toBe('unchanged')
    const after = await db.payload.findByID({ collection: 'articles', id: result.id, locale: 'zh' })
    expect(after.updatedAt).toBe(before.docs[0]!.updatedAt)
    expect(before.totalDocs).toBe(1)
  })

  it.each([
    ['malformed-front-matter.md', /invalid YAML front matter/],
    ['unknown-field.md', /unknown field "price"/],
    ['unknown-embed.md', /no carriers has the slug "does-not-exist"/],
    ['does-not-exist.md', /cannot read the file/],
  ])('refuses %s with a clear error and writes nothing', async (name, message) => {
    const before = (await db.payload.count({ collection: 'articles' })).totalDocs
    const attempt = importDocument({ payload: db.payload, file: fixture(name), locale: 'zh', collection: 'articles' })
    await expect(attempt).rejects.toBeInstanceOf(ImportError)
    await expect(attempt).rejects.toThrow(message)
    expect((await db.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
  })

  it('refuses a translation whose source document does not exist', async () => {
    const attempt = importDocument({
      payload: db.payload,
      file: path.join(import.meta.dirname, '../content/articles/new-caledonia-esim-wechat-alipay/en.md'),
      locale: 'en',
      collection: 'articles',
    })
    await expect(attempt).rejects.toThrow(/import the zh file first/)
  })
})

describe('npm run import', () => {
  const cli = (...args: string[]) =>
    spawnSync(...lagonCommand('import', ...args), {
      cwd: path.join(import.meta.dirname, '..'),
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
      encoding: 'utf8',
    })

  it('prints what it did and what it dropped', () => {
    const run = cli(fixture('seed-shaped.md'), '--locale', 'zh')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/dropped line 18 \(Telegram handle\)/)
    expect(run.stdout).toMatch(/unchanged articles "dao-yu-shang-wang"/)
  })

  it('exits non-zero with the reason on malformed input', () => {
    const run = cli(fixture('malformed-front-matter.md'), '--locale', 'zh')
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/malformed-front-matter\.md:\d+: invalid YAML front matter/)
  })

  it('refuses an unknown locale before touching the database', () => {
    const run = cli(fixture('seed-shaped.md'), '--locale', 'de')
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/--locale must be one of zh, en, fr/)
  })
})
