/**
 * `npx tsx bench/scale/warm.ts --reuse DIR`: only bench:scale's warm comparison, in about a
 * minute, on a run kept with `--keep` (its build and database): the seeded French guide from
 * Lagon's server (a page-cache HIT) and the same bytes from nginx, alternating, `--rounds` times
 * `--seconds` each (default 3 × 10 s), autocannon as bench:site runs it (64 connections, in this
 * process). Alternating rounds show the noise a single pair hides; the median ratio is the figure.
 *
 * Lagon's server is bundled from DIR/app/src at start (src/cli/run.mjs), so a change to
 * src/server/ needs no `next build`: copy the changed files into DIR/app and run this again.
 * `--cpu-prof DIR2` writes a V8 CPU profile of the server (each of its processes) into DIR2.
 * `--baseline APPDIR` also serves another app folder on the same build and database (a copy of
 * DIR/app with other src/server files: `cp -al DIR/app DIR/app-main`, then rsync the other
 * files in; rsync replaces files, so the hard links do not carry the change back), measured in the
 * same rounds: before and after, side by side.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { appUrl, startApp } from '../site/app'
import { runBenchmark } from '../site/cleanup'
import { getRaw } from '../site/http'
import { measureLoad, warmUp, type LoadResult } from '../site/load'
import { loadNow } from '../site/machine'
import { guidePaths, loadLocale } from '../site/measure'
import { startNginx } from '../site/nginx'
import { freePort } from '../site/processes'
import { prepareApp } from '../site/setup'

import { percentile } from './zipf'

const repoRoot = path.resolve(import.meta.dirname, '../..')

/** CPU time (ms) used so far by every process of a group (the server and the processes it started). */
const groupCpuMs = async (pgid: number): Promise<number> => {
  const { readdir, readFile } = await import('node:fs/promises')
  const tick = 10 // USER_HZ is 100 on Linux
  let total = 0
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    // Fields after the command name (which may contain spaces): state is field 3, pgrp 5, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12])) * tick
  }
  return total
}

const describe = (name: string, load: LoadResult, serverCpu?: number) =>
  `${name}${load.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${load.p50Ms} ms  p99 ${load.p99Ms} ms  ` +
  `autocannon CPU ${load.clientCpuPercent}%${serverCpu === undefined ? '' : `  server CPU ${serverCpu}%`}` +
  (load.non2xx + load.errors + load.timeouts ? `  FAILED ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts` : '')

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reuse: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '10' },
      'cpu-prof': { type: 'string' },
      baseline: { type: 'string' },
    },
  })
  if (!values.reuse) throw new Error('--reuse DIR: a run kept by bench:scale or bench:site (--keep)')
  const rounds = Number(values.rounds)
  const seconds = Number(values.seconds)
  console.log(`bench: ${loadNow().uptime}`)
  const { dir, setup } = await prepareApp({ reuse: path.resolve(values.reuse), keep: true, lighthouseRuns: 1, waitIdleSeconds: 0, zipfOnly: false })
  const profileDir = values['cpu-prof'] && path.resolve(values['cpu-prof'])
  const server = await startApp(setup, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])
  const urlPath = guidePaths[loadLocale]!
  // Another copy of the same kept run listens on the same port (bench.json): its answer would pass for ours.
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}): is port ${setup.port} taken? Change appPort in ${dir}/bench.json\n${server.output()}`)
  const appPageUrl = `${appUrl(setup.port)}${urlPath}`
  await warmUp([appPageUrl])
  const page = await getRaw(appPageUrl)
  console.log(`bench: the app's headers: ${JSON.stringify(page.headers)}`)
  if (page.status !== 200 || page.headers['x-lagon-cache'] !== 'HIT') throw new Error(`${urlPath}: ${page.status}, x-lagon-cache ${page.headers['x-lagon-cache']}`)
  const baseline = values.baseline ? { ...setup, appDir: path.resolve(values.baseline), port: await freePort() } : undefined
  const baselineServer = baseline && (await startApp(baseline))
  const baselineUrl = baseline && `${appUrl(baseline.port)}${urlPath}`
  if (baselineUrl) {
    await warmUp([baselineUrl])
    // The same response but for the server's own address in the page and the date.
    const other = (await getRaw(baselineUrl)).headers
    const differing = [...new Set([...Object.keys(other), ...Object.keys(page.headers)])].filter((name) => name !== 'date' && other[name] !== page.headers[name])
    console.log(`bench: headers that differ from the baseline's: ${differing.map((name) => `${name} (${other[name]} → ${page.headers[name]})`).join(', ') || 'none'}`)
  }
  const nginxPort = await freePort()
  await startNginx({ dir: path.join(dir, 'nginx-warm'), port: nginxPort, urlPath, html: page.body })
  const nginxPageUrl = `http://127.0.0.1:${nginxPort}${urlPath}`
  await warmUp([nginxPageUrl])
  if (!(await getRaw(nginxPageUrl)).body.equals(page.body)) throw new Error('nginx did not send the bytes captured from the app')
  console.log(`bench: ${page.body.length} bytes, ${rounds} rounds of ${seconds} s each, app then nginx`)
  /** The load, and the server's CPU time in % of one core and in µs per request. */
  const measureServer = async (url: string, pid: number) => {
    const cpuBefore = await groupCpuMs(pid)
    const started = performance.now()
    const load = await measureLoad(url, seconds)
    const cpuMs = (await groupCpuMs(pid)) - cpuBefore
    const cpu = Math.round((cpuMs / (performance.now() - started)) * 100)
    return { load, cpu, text: `${describe('', load, cpu)}, ${Math.round((cpuMs * 1000) / load.totalRequests)} µs CPU/request` }
  }
  const ratios: number[] = []
  const baselineRatios: number[] = []
  for (let round = 1; round <= rounds; round += 1) {
    const before = baselineUrl ? await measureServer(baselineUrl, baselineServer!.child.pid!) : undefined
    const app = await measureServer(appPageUrl, server.child.pid!)
    const nginx = await measureLoad(nginxPageUrl, seconds)
    ratios.push(app.load.requestsPerSecond / nginx.requestsPerSecond)
    if (before) baselineRatios.push(before.load.requestsPerSecond / nginx.requestsPerSecond)
    console.log(
      `round ${round}\n` +
        (before ? `  baseline ${before.text}\n` : '') +
        `  app      ${app.text}\n  nginx    ${describe('', nginx)}\n` +
        `  ratio app/nginx ${ratios.at(-1)!.toFixed(3)}${before ? `, baseline/nginx ${baselineRatios.at(-1)!.toFixed(3)}` : ''}`,
    )
  }
  if (baselineRatios.length) console.log(`bench: ratio baseline/nginx median ${percentile(baselineRatios, 50).toFixed(3)} (${baselineRatios.map((ratio) => ratio.toFixed(2)).join(', ')})`)
  const rss = execFileSync('ps', ['-o', 'rss=', '-g', String(server.child.pid)], { encoding: 'utf8' })
  console.log(`bench: server RSS ${Math.round(rss.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024)} MB (its process group)`)
  console.log(`bench: ratio app/nginx median ${percentile(ratios, 50).toFixed(3)} (${ratios.map((ratio) => ratio.toFixed(2)).join(', ')})`)
  console.log(`bench: ${loadNow().uptime}`)
}

await runBenchmark(repoRoot, main)
