import autocannon from 'autocannon'

export type LoadResult = {
  url: string
  connections: number
  durationSeconds: number
  /** Mean of autocannon's per-second samples. */
  requestsPerSecond: number
  totalRequests: number
  p50Ms: number
  p99Ms: number
  meanMs: number
  maxMs: number
  bytesPerSecond: number
  non2xx: number
  errors: number
  timeouts: number
  /**
   * CPU autocannon itself used, in % of one core: near 100 means the client, not the server, set
   * the pace (it is single-threaded).
   */
  clientCpuPercent: number
}

export const loadShape = { connections: 64, durationSeconds: 10 }

/**
 * 64 keep-alive connections for 10 s, one request in flight on each. autocannon sends no
 * Accept-Encoding, so both servers answer uncompressed. It runs in this process, on the same two
 * cores as the server under test: what it costs is the same for both targets.
 */
export async function measureLoad(url: string, durationSeconds = loadShape.durationSeconds): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const result = await autocannon({
    url,
    connections: loadShape.connections,
    duration: durationSeconds,
  })
  const cpu = process.cpuUsage(cpuBefore)
  const clientCpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - started)) * 100)
  return {
    url,
    connections: loadShape.connections,
    durationSeconds,
    requestsPerSecond: result.requests.average,
    totalRequests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    maxMs: result.latency.max,
    bytesPerSecond: result.throughput.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    clientCpuPercent,
  }
}

/** A handful of sequential requests, so neither server is measured cold (compilation, caches). */
export async function warmUp(urls: string[], rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const url of urls) {
      const response = await fetch(url)
      if (!response.ok) throw new Error(`warm-up: ${url} answered ${response.status}`)
      await response.arrayBuffer()
    }
  }
}
