import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { lagonCommand } from '@/cli/processes'

import { recreateDatabase, templates, testDatabasePrefix, withDatabase } from './helpers/databases'

/**
 * Every command entry, as npm runs it (`node src/cli/run.mjs …`), either ends within its bound
 * or fails with a message naming what it was doing: several at once, on this busy machine.
 */
const root = path.join(import.meta.dirname, '..')
const adminUrl = inject('adminUrl')
const scratch = mkdtempSync(path.join(tmpdir(), 'lagon-commands-'))

type Outcome = { name: string; code: number | null; output: string; ms: number; killed: boolean }

/** Runs a command; kills it past `boundMs` (then `killed`), so that a hang fails the test instead of stalling it. */
const runCommand = (name: string, args: string[], env: Record<string, string>, boundMs: number): Promise<Outcome> =>
  new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(...lagonCommand(name, ...args), { cwd: root, env: { ...process.env, NODE_OPTIONS: '--no-deprecation', ...env } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    let killed = false
    const timer = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, boundMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ name: `${name} ${args.join(' ')}`.trim(), code, output, ms: Date.now() - started, killed })
    })
  })

const copyOf = async (template: keyof typeof templates | 'empty', name: string): Promise<string> => {
  const database = `${testDatabasePrefix}commands_${name}`
  await recreateDatabase(adminUrl, database, template === 'empty' ? undefined : templates[template])
  return withDatabase(adminUrl, database)
}

/** A PostgreSQL address that accepts connections and never answers: the database that hangs. */
let silent: Server
let silentPort: number
const sockets: Socket[] = []

beforeAll(async () => {
  silent = createServer((socket) => sockets.push(socket))
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  silentPort = (silent.address() as { port: number }).port
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => silent?.close(resolve))
  rmSync(scratch, { recursive: true, force: true })
})

describe('the command entries under load', () => {
  it('each ends within its bound with exit code 0, six at once', async () => {
    // Each takes seconds alone; six at once on a loaded 2-core machine, up to a minute and a half.
    const bound = 180_000
    const secret = { PAYLOAD_SECRET: 'test-secret', MEDIA_DIR: path.join(scratch, 'media') }
    const [empty, migrated, seeded, seededForImport] = await Promise.all([
      copyOf('empty', 'migrate'),
      copyOf('migrated', 'seed'),
      copyOf('seeded', 'xliff'),
      copyOf('seeded', 'import'),
    ])
    const types = path.join(scratch, 'payload-types.ts')
    const xliff = path.join(scratch, 'tips-fr.xlf')
    const outcomes = await Promise.all([
      runCommand('migrate', [], { ...secret, DATABASE_URL: empty }, bound),
      runCommand('seed', [], { ...secret, DATABASE_URL: migrated }, bound),
      runCommand('xliff', ['export', '--locale', 'fr', '--collection', 'tips', '--out', xliff], { ...secret, DATABASE_URL: seeded }, bound),
      runCommand('import', ['content/tips/carry-cash/fr.md', '--locale', 'fr', '--collection', 'tips'], { ...secret, DATABASE_URL: seededForImport }, bound),
      runCommand('generate-types', [], { ...secret, PAYLOAD_TS_OUTPUT_PATH: types }, bound),
      // `npm run migrate`: a command through with-database, which passes DATABASE_URL on.
      runCommand('with-database', ['migrate'], { ...secret, DATABASE_URL: empty }, bound),
    ])
    console.log(outcomes.map(({ name, ms }) => `${name}: ${(ms / 1000).toFixed(1)} s`).join('\n'))
    for (const outcome of outcomes) {
      expect(outcome.killed, `${outcome.name} still running after ${bound / 1000} s:\n${outcome.output}`).toBe(false)
      expect(outcome.code, `${outcome.name}:\n${outcome.output}`).toBe(0)
    }
    expect(outcomes[1]!.output).toMatch(/seed: 10 created, 20 updated/)
    expect(readFileSync(xliff, 'utf8')).toContain('<xliff')
    expect(outcomes[3]!.output).toMatch(/import: unchanged tips "/)
    expect(readFileSync(types, 'utf8')).toContain('export interface Config')
  }, 300_000)
})

describe('a database that cannot be reached', () => {
  const bound = 45_000

  it('that never answers: the command fails within the connect timeout, naming the database', async () => {
    const outcome = await runCommand(
      'migrate',
      [],
      { PAYLOAD_SECRET: 'test-secret', DATABASE_URL: `postgres://lagon:lagon@127.0.0.1:${silentPort}/lagon`, DATABASE_CONNECT_TIMEOUT_MS: '3000' },
      bound,
    )
    expect(outcome.killed, outcome.output).toBe(false)
    expect(outcome.code).toBe(1)
    expect(outcome.output).toContain(`migrate: cannot start on the database at 127.0.0.1:${silentPort}/lagon`)
    expect(outcome.output).toMatch(/timeout/i)
  }, 60_000)

  it('that refuses connections: the command fails at once, naming the database', async () => {
    const outcome = await runCommand('seed', [], { PAYLOAD_SECRET: 'test-secret', DATABASE_URL: 'postgres://lagon:lagon@127.0.0.1:1/lagon' }, bound)
    expect(outcome.killed, outcome.output).toBe(false)
    expect(outcome.code).toBe(1)
    expect(outcome.output).toMatch(/seed: cannot start on the database at 127\.0\.0\.1:1\/lagon: .*ECONNREFUSED/)
  }, 60_000)

  it('npm start stops at the step that failed and says which', async () => {
    const outcome = await runCommand(
      'lagon',
      ['start'],
      { PAYLOAD_SECRET: 'test-secret', DATABASE_URL: `postgres://lagon:lagon@127.0.0.1:${silentPort}/lagon`, DATABASE_CONNECT_TIMEOUT_MS: '3000' },
      bound,
    )
    expect(outcome.killed, outcome.output).toBe(false)
    expect(outcome.code).not.toBe(0)
    expect(outcome.output).toMatch(/lagon: applying migrations failed \(exit code 1\)/)
    expect(outcome.output).not.toMatch(/lagon: admin at/)
  }, 60_000)
})
