import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'

export type Machine = {
  date: string
  cpus: number
  cpuModel: string
  memory: string
  node: string
  nginx: string
  chromium: string
}

/** stdout and stderr together: `nginx -v` prints its version to stderr. */
function commandOutput(file: string, args: string[]): string {
  const result = spawnSync(file, args, { encoding: 'utf8' })
  if (result.error) return 'unknown'
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
}

function cpuModel(): string {
  const line = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)
  return line?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown'
}

/** What the numbers were measured on: they mean little without it. */
export function describeMachine(nginxBinary: string, chromiumPath: string): Machine {
  return {
    date: new Date().toISOString(),
    cpus: os.availableParallelism(),
    cpuModel: cpuModel(),
    memory: commandOutput('free', ['-h']),
    node: process.version,
    nginx: commandOutput(nginxBinary, ['-v']),
    // Debian's wrapper script may print shell noise before the version line.
    chromium: commandOutput(chromiumPath, ['--version']).split('\n').find((line) => /chrom/i.test(line) && !line.startsWith('/')) ?? 'unknown',
  }
}

/** `uptime`: other work on the machine (a build, a test run) skews every number here. */
export function loadNow(): { uptime: string; loadAverage: number[] } {
  return { uptime: commandOutput('uptime', []), loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))) }
}

/** Jiffies the CPUs spent busy and in total since boot, from the first line of /proc/stat. */
function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
  const [, , , idle = 0, iowait = 0] = fields
  const total = fields.reduce((sum, value) => sum + value, 0)
  return { busy: total - idle - iowait, total }
}

/**
 * How busy all CPUs were over `ms` while the benchmark itself waits: other work on the machine
 * right before a measurement, which the load average only shows smoothed over a minute.
 */
export async function othersCpuBusyPercent(ms = 2000): Promise<number> {
  const before = cpuTimes()
  await new Promise((resolve) => setTimeout(resolve, ms))
  const after = cpuTimes()
  return Math.round(((after.busy - before.busy) / Math.max(1, after.total - before.total)) * 100)
}

export const loadByStep: Record<string, number[]> = {}

export const idleBusyByStep: Record<string, number> = {}

/** The load average as a step ends: a jump means something else ran beside the measurement. */
export function noteLoad(step: string): void {
  loadByStep[step] = loadNow().loadAverage
}

/** CPU use of everything else, measured while the benchmark idles for 2 s before a step. */
export async function noteOthersBusy(step: string): Promise<void> {
  idleBusyByStep[step] = await othersCpuBusyPercent()
}

/** On a shared machine, a build or a test run beside the benchmark halves what it measures. */
export async function waitForIdle(seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000
  let lastSaid = 0
  while (Date.now() < deadline) {
    const busy = await othersCpuBusyPercent()
    if (busy < 25) return
    if (Date.now() - lastSaid > 30_000) {
      console.log(`bench: the CPUs are ${busy}% busy with other work, waiting`)
      lastSaid = Date.now()
    }
  }
  if (seconds > 0) console.log('bench: the machine did not get idle, measuring anyway')
}
