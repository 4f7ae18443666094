import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] }

/** A part of the process's life, in microseconds of the monotonic clock (`process.hrtime`), which the profile's times share. */
export type ProfileWindow = { fromUs: number; toUs: number }

/** Counts, in each node, only the samples taken within `window`. */
function keepWindow(profile: Profile, window: ProfileWindow): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  for (const node of profile.nodes) node.hitCount = 0
  let at = profile.startTime
  profile.samples?.forEach((id, index) => {
    at += profile.timeDeltas?.[index] ?? 0
    const node = byId.get(id)
    if (node && at >= window.fromUs && at <= window.toUs) node.hitCount = (node.hitCount ?? 0) + 1
  })
}

/** Now on the monotonic clock that `--cpu-prof` timestamps samples with, in microseconds. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n)

export type ProfileEntry = { function: string; where: string; selfPercent: number }

/** A function's total time: the samples with it anywhere on the stack (an `await` cuts the stack, so async work counts where it resumes). */
export type InclusiveEntry = { function: string; where: string; totalPercent: number }

/** V8's own frames, and the wrappers every stack runs through: they say nothing of where the time goes. */
const uninformative = /^\((?:root|program|idle|garbage collector)\)$|^(?:processTicksAndRejections|runMicrotasks|listOnTimeout|processTimers|emit|emitKeypressEvents)$/

/** The package a script belongs to (`payload`, `@payloadcms/drizzle`, `pg`…), Next's bundles, or V8 itself. */
const packageOf = (url: string): string => {
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/')
    return first!.startsWith('@') ? `${first}/${second}` : first!
  }
  if (url.includes('.next/')) return '.next bundles (Lagon, Next, bundled packages)'
  if (url.startsWith('node:') || url === '') return '(Node internals, V8, GC, idle)'
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/')
}

/** Where a script lives, short: a package's name and file, or the app's own chunk. */
const shortUrl = (url: string): string => {
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length)
  const next = url.indexOf('.next/')
  if (next >= 0) return url.slice(next)
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/') || '(native)'
}

/**
 * The functions the process spent most of its own time in (self time, the `hitCount` of
 * Node's `--cpu-prof` samples), of the largest profile in `dir` (the server's; run.mjs's
 * launcher writes a small one too), over its whole life or within `window`. Idle and GC are
 * listed as V8 names them.
 */
export function topEntries(
  dir: string,
  count = 20,
  window?: ProfileWindow,
): { file: string; entries: ProfileEntry[]; inclusive: InclusiveEntry[]; packages: { name: string; selfPercent: number }[]; busyMs: number } {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`)
  const file = files.map((name) => path.join(dir, name)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  if (window) keepWindow(profile, window)
  const selfHits = new Map<string, number>()
  const packageHits = new Map<string, number>()
  let total = 0
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0
    total += hits
    const owner = packageOf(node.callFrame.url)
    packageHits.set(owner, (packageHits.get(owner) ?? 0) + hits)
    const { functionName, url, lineNumber } = node.callFrame
    const key = `${functionName || '(anonymous)'}\t${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`
    selfHits.set(key, (selfHits.get(key) ?? 0) + hits)
  }
  const entries = [...selfHits.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, hits]) => {
      const [name, where] = key.split('\t') as [string, string]
      return { function: name, where, selfPercent: Math.round((hits / Math.max(total, 1)) * 1000) / 10 }
    })
  const percent = (hits: number) => Math.round((hits / Math.max(total, 1)) * 1000) / 10
  const packages = [...packageHits.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, hits]) => ({ name, selfPercent: percent(hits) }))
  // CPU time: the samples not idle, at the profile's mean sampling interval.
  const idle = profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').reduce((sum, node) => sum + (node.hitCount ?? 0), 0)
  const intervalMs = (profile.endTime - profile.startTime) / 1000 / Math.max(profile.samples?.length ?? 1, 1)
  return { file, entries, inclusive: inclusiveEntries(profile, total, count * 2), packages, busyMs: Math.round((total - idle) * intervalMs) }
}

/** Each function's total time (see InclusiveEntry), a recursive one counted once per sample. */
function inclusiveEntries(profile: Profile, total: number, count: number): InclusiveEntry[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame
    return `${functionName || '(anonymous)'}\t${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`
  }
  const totals = new Map<string, number>()
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0
    if (hits === 0) continue
    const seen = new Set<string>()
    for (let at: ProfileNode | undefined = node; at; at = byId.get(parent.get(at.id) ?? -1)) {
      if (uninformative.test(at.callFrame.functionName)) continue
      const key = keyOf(at)
      if (seen.has(key)) continue
      seen.add(key)
      totals.set(key, (totals.get(key) ?? 0) + hits)
    }
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, hits]) => {
      const [name, where] = key.split('\t') as [string, string]
      return { function: name, where, totalPercent: Math.round((hits / Math.max(total, 1)) * 1000) / 10 }
    })
}
