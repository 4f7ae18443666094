/**
 * `npm run bench:api` (`npx tsx bench/api/run.ts`): the content API's speed, on demand.
 * Builds the work tree as it is now in a temporary copy (bench/site's machinery), on an embedded
 * PostgreSQL of its own, serves it with Lagon's production server (src/server/main.ts, as
 * `npm start` does), and measures one localized article read by slug through REST (from Lagon's
 * cache of public reads, and missing it), GraphQL, and a minimal Node + pg server doing the same
 * lookup (the floor), in one run. See bench/README.md.
 *
 * Options: --keep, --reuse DIR, --wait-idle SECONDS (as bench:site).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
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
import { floorPath, graphqlQuery, restDefaultPath, restPath } from './targets'

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
  const body = (await response.json()) as { docs?: Doc[]; data?: { Articles?: { docs?: Doc[] } } }
  const doc = body.docs?.[0] ?? body.data?.Articles?.docs?.[0]
  if (!doc) throw new Error(`${from} found no article`)
  return doc
}

async function main(): Promise<void> {
  const options = readOptions()
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
  await startApp(setup)
  const floor = { url: `http://127.0.0.1:${await freePort()}` }
  const floorServer = startService('floor', path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(import.meta.dirname, 'floor.ts'), setup.databaseUrl, new URL(floor.url).port], {
    cwd: repoRoot,
    env: process.env,
  })
  await waitUntil('floor', async () => (await fetch(`${floor.url}${floorPath}`)).ok, floorServer, 30_000)

  const app = appUrl(setup.port)
  const graphql = { url: `${app}/api/graphql`, method: 'POST' as const, body: JSON.stringify({ query: graphqlQuery }), headers: { 'content-type': 'application/json' } }
  const fetchGraphql = () => fetch(graphql.url, { method: 'POST', body: graphql.body, headers: graphql.headers })

  // The same document from all three, or the comparison means nothing.
  const floorDoc = await firstDoc(await fetch(`${floor.url}${floorPath}`), 'floor')
  const restDoc = await firstDoc(await fetch(`${app}${restPath}`), 'REST')
  const graphqlDoc = await firstDoc(await fetchGraphql(), 'GraphQL')
  for (const [name, doc] of [['REST', restDoc], ['GraphQL', graphqlDoc]] as const) {
    const difference = firstDifference(doc, floorDoc)
    if (difference) throw new Error(`${name} and the floor disagree at ${difference}`)
  }
  const bytes = JSON.stringify(floorDoc).length
  console.log(`bench: REST, GraphQL and the floor return the same article (${bytes} bytes of JSON), warming up`)
  for (let round = 0; round < 20; round++) {
    for (const response of [await fetch(`${app}${restPath}`), await fetch(`${app}${restDefaultPath}`), await fetchGraphql(), await fetch(`${floor.url}${floorPath}`)]) {
      if (!response.ok) throw new Error(`warm-up: ${response.url} answered ${response.status}`)
      await response.arrayBuffer()
    }
  }
  await waitForIdle(options.waitIdleSeconds)

  const loads: ApiLoad[] = []
  const run = async (name: string, request: Parameters<typeof measure>[1]) => {
    console.log(`bench: ${name}`)
    loads.push(await measure(name, request))
    console.log(`bench:   ${JSON.stringify(loads.at(-1))} (load ${loadNow().loadAverage.join(', ')})`)
  }
  // Two rounds, one target after the other: on a shared machine, how much the figures move is part of the result.
  for (const round of [1, 2]) {
    await run(`${round}: floor (node:http + pg)`, { url: `${floor.url}${floorPath}` })
    await run(`${round}: REST, cached public read`, { url: `${app}${restPath}` })
    await run(`${round}: REST, every request a cache miss`, { url: `${app}${restPath}`, everyRequestNew: true })
    await run(`${round}: GraphQL`, graphql)
    await run(`${round}: REST, Payload defaults (depth 2, all fields), cached`, { url: `${app}${restDefaultPath}` })
  }

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
