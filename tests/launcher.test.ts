import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lagonCommand } from '@/cli/processes'

import { freePort, waitFor } from './helpers/ports'

/**
 * The README's first command, in isolation: no DATABASE_URL, so it starts an embedded PostgreSQL
 * (in a temporary data folder and port, not the developer's), migrates, seeds and serves.
 */
const root = path.join(import.meta.dirname, '..')
let launcher: ChildProcess
let output = ''
let appUrl: string
let pgPort: number
const dataDir = mkdtempSync(path.join(tmpdir(), 'lagon-launcher-'))

beforeAll(async () => {
  const port = await freePort()
  pgPort = await freePort()
  appUrl = `http://127.0.0.1:${port}`
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    LAGON_PG_PORT: String(pgPort),
    LAGON_DATA_DIR: path.join(dataDir, 'postgres'),
    LAGON_NEXT_DIST_DIR: '.next-launcher-test',
    MEDIA_DIR: path.join(dataDir, 'media'),
    NEXT_TELEMETRY_DISABLED: '1',
  }
  env.DATABASE_URL = undefined
  env.NODE_ENV = undefined
  const [node, args] = lagonCommand('lagon', 'dev')
  launcher = spawn(node, args, {
    cwd: root,
    env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv,
  })
  launcher.stdout?.on('data', (chunk) => (output += chunk))
  launcher.stderr?.on('data', (chunk) => (output += chunk))
  await waitFor(
    async () => {
      if (launcher.exitCode !== null) throw new Error(`npm run dev exited with ${launcher.exitCode}:\n${output}`)
      return (await fetch(`${appUrl}/api/health`)).ok
    },
    150_000,
    () => `npm run dev to serve:\n${output}`,
  )
}, 180_000)

afterAll(async () => {
  if (launcher && launcher.exitCode === null) launcher.kill('SIGKILL')
  // Next's dev compiler may still be writing its last files as it dies: retried, not raced.
  const gone = { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }
  rmSync(dataDir, gone)
  rmSync(path.join(root, '.next-launcher-test'), gone)
})

describe('npm run dev', () => {
  it('serves the seeded guide in all three locales through the REST API', async () => {
    for (const [locale, title] of [
      ['zh', /新喀里多尼亚/],
      ['en', /New Caledonia/],
      ['fr', /Nouvelle-Calédonie/],
    ] as const) {
      const response = await fetch(`${appUrl}/api/articles?locale=${locale}&fallback-locale=none&depth=0`)
      const body = (await response.json()) as { docs: { title: string }[] }
      expect(body.docs).toHaveLength(1)
      expect(body.docs[0]!.title).toMatch(title)
    }
  })

  it('serves the admin at /admin', async () => {
    const response = await fetch(`${appUrl}/admin`, { redirect: 'manual' })
    // A new install has no account yet: the admin sends the visitor to its first-register screen.
    expect([200, 307]).toContain(response.status)
    const page = await fetch(`${appUrl}/admin/create-first-user`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<html')
  }, 120_000)

  it('stops the embedded database when it is stopped', async () => {
    const exited = new Promise((resolve) => launcher.once('exit', resolve))
    launcher.kill('SIGTERM')
    await exited
    const client = new pg.Client({ connectionString: `postgres://lagon:lagon@127.0.0.1:${pgPort}/postgres` })
    await expect(client.connect()).rejects.toThrow()
  }, 60_000)
})
