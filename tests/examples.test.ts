import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startApiServer } from './helpers/apiServer'
import { startPayload, type TestPayload } from './helpers/payload'

const root = path.join(import.meta.dirname, '..')
// Asynchronous: the API server answering the example runs in this process.
const run = promisify(execFile)

let db: TestPayload
let api: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  db = await startPayload('seeded')
  api = await startApiServer()
})
afterAll(async () => {
  await api?.close()
  await db?.close()
})

const example = (script: string, ...args: string[]) =>
  run(path.join(root, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: root,
    env: { ...process.env, LAGON_API_URL: `${api.url}/api` },
  })

/** A published article of the seeded guide, as the Local API gives it in `locale`. */
const seededArticle = async (locale: 'zh' | 'en' | 'fr') => {
  const { docs } = await db.payload.find({ collection: 'articles', locale, limit: 1, sort: 'id', where: { _status: { equals: 'published' } } })
  return docs[0]!
}

describe('examples/ (typechecked by npm run typecheck: tsconfig includes them)', () => {
  it('the SDK example prints an article read by its English slug, in English', async () => {
    const [english, chinese] = [await seededArticle('en'), await seededArticle('zh')]
    expect(english.title).not.toBe(chinese.title)
    const { stdout } = await example('examples/sdk/readArticle.ts', english.slug!, 'en')
    expect(stdout.split('\n')[0]).toBe(english.title)
  })

  it('the SDK example finds nothing for a slug of another locale, and says so', async () => {
    const french = await seededArticle('fr')
    const failed = await example('examples/sdk/readArticle.ts', french.slug!, 'zh').catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('No published article') })
  })

  it('the GraphQL example prints the French title', async () => {
    const french = await seededArticle('fr')
    const { stdout } = await example('examples/graphql/fetchArticle.ts', french.slug!, 'fr')
    expect(stdout.trim()).toBe(french.title)
  })
})
