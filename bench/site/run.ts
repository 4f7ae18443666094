/**
 * `npm run bench:site` (`npx tsx bench/site/run.ts`): the reader site's speed and weight, on demand.
 * Builds the work tree as it is now in a temporary copy, on an embedded PostgreSQL of its own,
 * serves it with Lagon's production server (src/server/main.ts, as `npm start` does), and measures
 * the guide page against nginx serving the same bytes, its HTML and JavaScript sizes, and
 * Lighthouse's mobile scores in zh, en and fr.
 * Stops everything it started, even on failure or Ctrl-C. See bench/README.md.
 *
 * Options: --lighthouse-runs N (default 3; the median run by performance score is kept),
 * --keep (leave the temporary folder, with its build and database, for --reuse),
 * --reuse DIR (skip copy, migrations, seed and build: serve the build kept in DIR),
 * --wait-idle SECONDS (before measuring, wait up to that long for other work on the machine to
 * drop under 25% of the CPUs; default 0).
 */
import path from 'node:path'

import { appUrl, buildApp, migrateAndSeed, startApp } from './app'
import { runBenchmark } from './cleanup'
import { chromiumPath } from './lighthouse'
import { warmUp } from './load'
import { describeMachine, idleBusyByStep, loadByStep, loadNow, noteLoad, noteOthersBusy, waitForIdle } from './machine'
import { guidePaths, loadLocale, measureAgainstNginx, measureLighthouse, measureSizes } from './measure'
import { nginxBinary } from './nginx'
import { readOptions } from './options'
import { report, resultStem } from './report'
import type { BenchResult } from './result'
import { checkTools, prepareApp } from './setup'
import { snapshotWorkTree } from '../../tests/helpers/workTree'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const resultsDir = path.join(repoRoot, 'bench/results')

async function main(): Promise<void> {
  const options = readOptions()
  checkTools()
  const loadBefore = loadNow()
  console.log(`bench: ${loadBefore.uptime}`)
  const { dir, reused, setup } = await prepareApp(options)
  if (!reused) {
    console.log(`bench: ${snapshotWorkTree(repoRoot, setup.appDir)} files of the work tree copied to ${setup.appDir}`)
    await migrateAndSeed(setup)
    await buildApp(setup)
  }
  await startApp(setup)
  console.log(`bench: app at ${appUrl(setup.port)}, warming up`)
  await warmUp(Object.values(guidePaths).map((urlPath) => `${appUrl(setup.port)}${urlPath}`))
  await waitForIdle(options.waitIdleSeconds)
  const warnings: string[] = []
  const machine = describeMachine(nginxBinary, chromiumPath)
  const load = await measureAgainstNginx(dir, setup, warnings)
  const sizes = await measureSizes(setup)
  noteLoad('after size measurements')
  await noteOthersBusy('Lighthouse')
  const lighthouse = await measureLighthouse(setup, options.lighthouseRuns, resultStem(resultsDir, machine.date), warnings)
  noteLoad('after Lighthouse')
  const loadAfter = loadNow()
  console.log(`bench: ${loadAfter.uptime}`)
  const result: BenchResult = {
    machine,
    loadBefore,
    loadAfter,
    loadByStep,
    idleBusyByStep,
    loadPage: guidePaths[loadLocale]!,
    load,
    sizes,
    lighthouse,
    lighthouseRuns: options.lighthouseRuns,
    warnings,
  }
  console.log(`bench: results in ${path.relative(repoRoot, report(result, resultsDir))}`)
}

await runBenchmark(repoRoot, main)
