import autocannon from 'autocannon'

export type ApiLoad = {
  name: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  meanMs: number
  non2xx: number
  errors: number
  /** CPU autocannon itself used, in % of one core (it shares the two cores with the servers). */
  clientCpuPercent: number
}

export const shape = { connections: 64, durationSeconds: 10 }

type Request = { url: string; method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string>; everyRequestNew?: boolean }

/**
 * 64 keep-alive connections for 10 s. `everyRequestNew` adds a counter to the query string, so
 * that each request misses Lagon's cache of public reads (Payload does the whole read each time).
 */
/** Every miss URL of the process is new: a counter per measurement would repeat round 1's URLs, kept since, in round 2. */
let missCounter = 0

export async function measure(name: string, request: Request, seconds = shape.durationSeconds): Promise<ApiLoad> {
  const target = new URL(request.url)
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const result = await autocannon({
    url: target.origin,
    connections: shape.connections,
    duration: seconds,
    requests: [
      {
        method: request.method ?? 'GET',
        path: target.pathname + target.search,
        body: request.body,
        headers: request.headers,
        ...(request.everyRequestNew
          ? { setupRequest: (req: autocannon.Request) => ({ ...req, path: `${target.pathname}${target.search}&miss=${missCounter++}` }) }
          : {}),
      },
    ],
  })
  const cpu = process.cpuUsage(cpuBefore)
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: Math.round(result.latency.average * 10) / 10,
    non2xx: result.non2xx,
    errors: result.errors,
    clientCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - started)) * 100),
  }
}
