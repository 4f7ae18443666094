/**
 * `npm run bench:api` (`npx tsx bench/api/run.ts`): the content API's speed, on demand.
 * Builds the work tree as it is now in a temporary copy (bench/site's machinery), on an embedded
 * PostgreSQL of its own, serves it with Lagon's production server (src/server/main.ts, as
 * `npm start` does), and measures one localized article read by slug, in one run, targets
 * interleaved: a minimal Node + pg server doing the same lookup (the floor), REST anonymous and
 * with a `read` API key (Lagon's cache of public reads), GraphQL as POST, GET and persisted
 * query, REST as staff by slug and by id (never cached) and REST missing the cache. See bench/README.md.
 *
 * Options: --keep, --reuse DIR, --wait-idle SECONDS (as bench:site).
 * LAGON_BENCH_PREPARE_ONLY=1 copies, migrates, seeds and builds into a kept folder, then stops:
 * the CPU-heavy part, to run apart from the measurement (`--reuse DIR` then measures).
 * LAGON_BENCH_PROFILE=staff|staff-id|graphql|key instead measures that uncached read alone, 15 s, with the
 * server under `--cpu-prof`, and prints where its time goes; `post` does the same for the
 * anonymous GraphQL POST (a cached read), to see what runs around the cache.
 * LAGON_BENCH_TARGETS=floor,staff,… measures only the targets whose names start with one of these
 * (case-insensitive; the floor always), to fit A/B runs of one path into a short quiet slot.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import path from 'node:path'

import { appUrl, buildApp, migrateAndSeed, startApp, type AppSetup } from '../site/app'
import { runBenchmark } from '../site/cleanup'
import { describeMachine, loadNow, waitForIdle } from '../site/machine'
import { readOptions } from '../site/options'
import { freePort, startService, waitUntil } from '../site/processes'
import { appPort, startDatabase, workFolder } from '../site/setup'
import { snapshotWorkTree } from '../../tests/helpers/workTree'
import { measure, shape, type ApiLoad } from './load'
import { topEntries } from './profile'
import { floorPath, graphqlGetPath, graphqlQuery, persistedExtensions, persistedGetPath, restByIdPath, restPath } from './targets'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const resultsDir = path.join(repoRoot, 'bench/results')

type Doc = Record<string, unknown>

/** The first place two JSON values differ, for an error message that says where. */
const firstDifference = (a: unknown, b: unknown, path = ''): string | undefined => {
  if (isDeepStrictEqual(a, b)) return undefined
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`)
    if (found) return found
  }
  return undefined
}

const firstDoc = async (response: Response, from: string): Promise<Doc> => {
  if (!response.ok) throw new Error(`${from} answered ${response.status}: ${await response.text()}`)
  const body = (await response.json()) as Doc & { docs?: Doc[]; data?: { Articles?: { docs?: Doc[] } } }
  // A list (REST, GraphQL), or a document read by id.
  const doc = body.docs?.[0] ?? body.data?.Articles?.docs?.[0] ?? ('id' in body ? body : undefined)
  if (!doc) throw new Error(`${from} found no article`)
  return doc
}

/** A staff account and a `read` key in the bench's database, made through the API as an admin would. */
async function credentials(app: string): Promise<{ staff: Record<string, string>; key: Record<string, string> }> {
  const account = { email: 'bench@lagon.test', password: 'bench-password-0123456789' }
  const login = () => fetch(`${app}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) })
  let signedIn = await login()
  if (!signedIn.ok) {
    const registered = await fetch(`${app}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...account, name: 'bench', role: 'admin' }),
    })
    if (!registered.ok) throw new Error(`first-register answered ${registered.status}: ${await registered.text()}`)
    signedIn = await login()
  }
  if (!signedIn.ok) throw new Error(`login answered ${signedIn.status}: ${await signedIn.text()}`)
  const staff = { authorization: `JWT ${((await signedIn.json()) as { token: string }).token}` }
  const apiKey = `bench-read-key-${Date.now()}-0123456789abcdef`
  const made = await fetch(`${app}/api/api-keys`, {
    method: 'POST',
    headers: { ...staff, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', scope: 'read', enableAPIKey: true, apiKey }),
  })
  if (!made.ok) throw new Error(`making a key answered ${made.status}: ${await made.text()}`)
  return { staff, key: { authorization: `api-keys API-Key ${apiKey}` } }
}

async function main(): Promise<void> {
  const options = readOptions()
  const profiled = process.env.LAGON_BENCH_PROFILE
  if (profiled && !['staff', 'staff-id', 'graphql', 'key', 'post'].includes(profiled)) throw new Error('LAGON_BENCH_PROFILE: staff, staff-id, graphql, key or post')
  // The bench is one client sending thousands of requests a second: no rate limit for it.
  process.env.API_RATE_LIMIT = '0'
  const loadBefore = loadNow()
  console.log(`bench: ${loadBefore.uptime}`)
  const dir = workFolder(options)
  const setup: AppSetup = {
    appDir: path.join(dir, 'app'),
    port: await appPort(dir, Boolean(options.reuse)),
    mediaDir: path.join(dir, 'media'),
    databaseUrl: await startDatabase(dir),
  }
  if (!options.reuse) {
    console.log(`bench: ${snapshotWorkTree(repoRoot, setup.appDir)} files of the work tree copied to ${setup.appDir}`)
    await migrateAndSeed(setup)
    await buildApp(setup)
  }
  if (process.env.LAGON_BENCH_PREPARE_ONLY === '1') {
    console.log(`bench: prepared ${dir}; measure with --reuse ${dir}`)
    return
  }
  const profileDir = profiled ? mkdtempSync(path.join(dir, `profile-${profiled}-`)) : undefined
  const server = await startApp(setup, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])
  const floor = { url: `http://127.0.0.1:${await freePort()}` }
  const floorServer = startService('floor', path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(import.meta.dirname, 'floor.ts'), setup.databaseUrl, new URL(floor.url).port], {
    cwd: repoRoot,
    env: process.env,
  })
  await waitUntil('floor', async () => (await fetch(`${floor.url}${floorPath}`)).ok, floorServer, 120_000)

  const app = appUrl(setup.port)
  const { staff, key } = await credentials(app)
  const json = { 'content-type': 'application/json' }
  const send = (request: { url: string; method?: string; body?: string; headers?: Record<string, string> }) =>
    fetch(request.url, { method: request.method ?? 'GET', body: request.body, headers: request.headers })
  const floorDoc = await firstDoc(await send({ url: `${floor.url}${floorPath}` }), 'floor')
  type Target = { name: string; request: Parameters<typeof measure>[1] }
  const targets: Target[] = [
    { name: 'floor (node:http + pg)', request: { url: `${floor.url}${floorPath}` } },
    { name: 'REST, anonymous (cached)', request: { url: `${app}${restPath}` } },
    { name: 'REST, read key (cached)', request: { url: `${app}${restPath}`, headers: key } },
    { name: 'GraphQL, anonymous POST (cached)', request: { url: `${app}/api/graphql`, method: 'POST', body: JSON.stringify({ query: graphqlQuery }), headers: json } },
    { name: 'GraphQL, anonymous GET (cached)', request: { url: `${app}${graphqlGetPath}` } },
    { name: 'GraphQL, persisted query GET (cached)', request: { url: `${app}${persistedGetPath}` } },
    { name: 'REST, staff (never cached)', request: { url: `${app}${restPath}`, headers: staff } },
    { name: 'REST, staff, by id (never cached)', request: { url: `${app}${restByIdPath(floorDoc.id as number)}`, headers: staff } },
    { name: 'REST, anonymous, every request a cache miss', request: { url: `${app}${restPath}`, everyRequestNew: true } },
  ]
  const uncached: Record<string, Target> = {
    staff: targets.find((target) => target.name.startsWith('REST, staff'))!,
    'staff-id': targets.find((target) => target.name.startsWith('REST, staff, by id'))!,
    key: { name: 'REST, read key, every request a cache miss', request: { url: `${app}${restPath}`, headers: key, everyRequestNew: true } },
    post: targets.find((target) => target.name.startsWith('GraphQL, anonymous POST'))!,
    graphql: {
      name: 'GraphQL, staff POST (never cached)',
      request: { url: `${app}/api/graphql`, method: 'POST', body: JSON.stringify({ query: graphqlQuery }), headers: { ...json, ...staff } },
    },
  }

  // Each target returns the same document as the floor, or the comparison means nothing.
  // The persisted query is registered once, as a client's first request after PersistedQueryNotFound would.
  if (!profiled) {
    const registered = await fetch(`${app}/api/graphql`, { method: 'POST', headers: json, body: JSON.stringify({ query: graphqlQuery, extensions: persistedExtensions }) })
    if (!registered.ok) throw new Error(`registering the persisted query answered ${registered.status}: ${await registered.text()}`)
  }
  // A profile measures one target (and may run on a tree without the others: the code before a change).
  const checked = profiled ? [uncached[profiled]!] : [...targets.slice(1), uncached.graphql!]
  for (const target of checked) {
    const difference = firstDifference(await firstDoc(await send(target.request), target.name), floorDoc)
    if (difference) throw new Error(`${target.name} and the floor disagree at ${difference}`)
  }
  const bytes = JSON.stringify(floorDoc).length
  console.log(`bench: every target returns the same article (${bytes} bytes of JSON), warming up`)
  for (let round = 0; round < 20; round++) {
    for (const target of profiled ? checked : [...targets, uncached.graphql!]) {
      const response = await send(target.request)
      if (!response.ok) throw new Error(`warm-up: ${target.name} answered ${response.status}`)
      await response.arrayBuffer()
    }
  }
  await waitForIdle(options.waitIdleSeconds)

  const loads: ApiLoad[] = []
  const run = async (name: string, request: Parameters<typeof measure>[1], seconds?: number) => {
    console.log(`bench: ${name}`)
    loads.push(await measure(name, request, seconds))
    console.log(`bench:   ${JSON.stringify(loads.at(-1))} (load ${loadNow().loadAverage.join(', ')})`)
  }

  if (profiled) {
    const target = uncached[profiled]!
    await run(`profile: ${target.name}`, target.request, 15)
    await server.stop()
    const { file, entries, inclusive, packages } = topEntries(profileDir!)
    console.log(`\nbench: ${target.name}, ${loads[0]!.requestsPerSecond} requests/s, p50 ${loads[0]!.p50Ms} ms; profile ${file}`)
    console.log('\n| self time | package |\n| --- | --- |')
    for (const entry of packages) console.log(`| ${entry.selfPercent} % | ${entry.name} |`)
    console.log('\n| self time | function | where |\n| --- | --- | --- |')
    for (const entry of entries) console.log(`| ${entry.selfPercent} % | \`${entry.function}\` | ${entry.where} |`)
    console.log('\n| total time | function | where |\n| --- | --- | --- |')
    for (const entry of inclusive) console.log(`| ${entry.totalPercent} % | \`${entry.function}\` | ${entry.where} |`)
    console.log(`\nbench: ${loadNow().uptime}`)
    return
  }

  // Two rounds, every target in turn in each: on a shared machine, how much the figures move is part of the result.
  const only = process.env.LAGON_BENCH_TARGETS?.split(',').map((name) => name.trim().toLowerCase())
  const measured = only ? targets.filter((target, index) => index === 0 || only.some((name) => target.name.toLowerCase().startsWith(name))) : targets
  for (const round of [1, 2]) for (const target of measured) await run(`${round}: ${target.name}`, target.request)

  const floorP50 = (round: string) => loads.find((load) => load.name.startsWith(`${round}: floor`))!.p50Ms
  const loadAfter = loadNow()
  const machine = describeMachine('/usr/sbin/nginx', '/usr/bin/chromium')
  const result = { machine: { ...machine, nginx: undefined, chromium: undefined }, loadBefore, loadAfter, shape, restPath, graphqlQuery, floorPath, bytes, loads }
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `api-${machine.date.replaceAll(':', '-').replace('.', '-')}.json`)
  writeFileSync(file, JSON.stringify(result, null, 2))
  console.log(`\n| round: target | requests/s | p50 | p99 | mean | non-2xx + errors | p50 / floor's p50 (same round) |\n| --- | --- | --- | --- | --- | --- | --- |`)
  for (const load of loads) {
    console.log(`| ${load.name} | ${load.requestsPerSecond} | ${load.p50Ms} ms | ${load.p99Ms} ms | ${load.meanMs} ms | ${load.non2xx + load.errors} | ${(load.p50Ms / Math.max(floorP50(load.name.slice(0, 1)), 1)).toFixed(1)}× |`)
  }
  console.log(`\nbench: ${loadAfter.uptime}\nbench: results in ${path.relative(repoRoot, file)}`)
}

await runBenchmark(repoRoot, main)
