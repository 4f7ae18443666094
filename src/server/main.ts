/**
 * Lagon's production server (`npm start`, the Docker image, the browser tests and benchmarks):
 * Next.js (admin, API, site) behind a small front that answers readers' pages from memory
 * (readerPages.ts). `next dev` is used as is in development, where pages must always be fresh.
 *
 * Listens on PORT (3000) and HOSTNAME (0.0.0.0), or `--port` and `--hostname`. Serves the build
 * in LAGON_NEXT_DIST_DIR (`.next`) of the working directory, with the configuration `next build`
 * wrote there, so the standalone output of the Docker image needs no next.config.ts.
 */
import { readFileSync } from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'

import next from 'next'

import { siteIsHttps } from '@/accounts/settings'
import { parseTrustedProxies } from '@/api/clientAddress'
import { flushKeyAttribution } from '@/api/keyAttribution'
import { listenForChanges } from '@/freshness/changeBus'
import { expireInThisInstance } from '@/freshness/expire'
import { forgetEverythingHere } from '@/freshness/taggedStore'

import { apiReads } from './apiReads'
import { malformedTarget, sendMalformed } from './malformedRequest'
import { isReaderPageRequest, readerPages, tagPagesFromNext } from './readerPages'
import { renderSlots } from './renderSlots'
import { drainable, serverSettings } from './resilience'
import { secureRequest, securityHeaders } from './securityHeaders'

const { values: args } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' } } })
const port = Number(args.port ?? process.env.PORT ?? 3000)
const hostname = args.hostname ?? process.env.HOSTNAME ?? '0.0.0.0'
const settings = serverSettings()
;(process.env as Record<string, string>).NODE_ENV ??= 'production'

const listen = (server: http.Server, onPort: number, onHost: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(onPort, onHost, () => resolve(server.address() as AddressInfo))
  })

const start = async (): Promise<void> => {
  const dir = process.cwd()
  const distDir = process.env.LAGON_NEXT_DIST_DIR || '.next'
  const { config } = JSON.parse(readFileSync(path.join(dir, distDir, 'required-server-files.json'), 'utf8')) as {
    config: Record<string, unknown>
  }
  // As Next's own standalone server does: the build's configuration, not next.config.ts.
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config)
  // Served from the folder it was read from, even when that is a copy of the build (a test's own).
  const app = next({ dev: false, dir, hostname, port, conf: { ...config, distDir, cacheMaxMemorySize: settings.nextCacheBytes } as never })
  const handle = app.getRequestHandler()
  await app.prepare()

  const nextOnly = http.createServer((req, res) => {
    tagPagesFromNext(req, res)
    void handle(req, res)
  })
  const internal = await listen(nextOnly, 0, '127.0.0.1')
  const nextOrigin = `http://127.0.0.1:${internal.port}`
  // Where changes (made here, heard from other instances, made by the jobs queue) expire Next's data (src/freshness/).
  process.env.LAGON_NEXT_ORIGIN = nextOrigin
  // Other instances' changes, over PostgreSQL; this one's own are applied where they commit.
  const changes = process.env.DATABASE_URL
    ? listenForChanges({ databaseUrl: process.env.DATABASE_URL, onTags: expireInThisInstance, onReconnect: forgetEverythingHere })
    : undefined
  // Read once: a wrong TRUSTED_PROXIES stops the server here, naming the entry.
  const security = { https: siteIsHttps(), trustedProxies: parseTrustedProxies() }
  const renders = renderSlots({ concurrent: settings.renderConcurrency, queued: settings.renderQueue, waitMs: settings.renderQueueWaitMs })
  const pages = readerPages({
    nextOrigin: () => nextOrigin,
    maxBytes: settings.pageCacheBytes,
    renderTimeoutMs: settings.renderTimeoutMs,
    renders,
    siteHeaders: securityHeaders('site', { https: security.https }),
  })
  // LAGON_API_THROUGH_NEXT=1: every API request through Next's pipeline, as before apiReads.ts (tests compare the two).
  const api = process.env.LAGON_API_THROUGH_NEXT === '1' ? undefined : apiReads({ dir, distDir, hostname, port, compress: config.compress !== false })

  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    // Most requests are readers' pages kept in memory: answered first, with headers made once per page.
    if (pages.answerHit(req, res)) return
    secureRequest(req, res, security)
    // The API answers its own malformed paths, in JSON naming the problem (docs/api-limits.md).
    if (!req.url?.startsWith('/api/') && malformedTarget(req.url)) return sendMalformed(req, res)
    if (isReaderPageRequest(req)) {
      pages.answer(req, res).catch((error: unknown) => {
        console.error(`lagon: ${req.url}: ${error instanceof Error ? error.message : String(error)}`)
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
        res.end()
      })
      return
    }
    // REST reads go to the API's route handler without Next's pipeline around it (apiReads.ts).
    if (api?.takes(req)) {
      api.answer(req, res).catch((error: unknown) => {
        console.error(error)
        if (!res.headersSent) res.writeHead(500)
        res.end()
      })
      return
    }
    void handle(req, res)
  })
  server.keepAliveTimeout = 65_000
  const requests = drainable(server)
  const address = await listen(server, port, hostname)
  const megabytes = settings.pageCacheBytes / 1024 / 1024
  console.log(`lagon: listening on http://${address.address}:${address.port} (reader pages kept in memory: ${megabytes ? `up to ${megabytes} MB` : 'none'})`)

  // A load balancer or orchestrator sends SIGTERM before SIGKILL: what was accepted is answered first.
  const stop = async () => {
    console.log(`lagon: stopping, ${requests.inFlight()} request(s) in flight`)
    const drained = await requests.drain(settings.shutdownTimeoutMs)
    if (!drained) console.warn(`lagon: ${requests.inFlight()} request(s) still in flight after ${settings.shutdownTimeoutMs} ms, stopping anyway`)
    server.closeAllConnections()
    nextOnly.close()
    nextOnly.closeAllConnections()
    // API keys' request counts kept in memory since the last few seconds (src/api/keyAttribution.ts).
    await flushKeyAttribution()
    await Promise.all([changes?.stop(), app.close()]).catch(() => {})
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop())
  process.once('SIGINT', () => void stop())
}

start().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
