import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export type ScriptKind = 'next-runtime' | 'polyfill' | 'app'

export type ScriptSize = { src: string; kind: ScriptKind; bytes: number; gzipBytes: number }

export type PageSizes = {
  url: string
  htmlBytes: number
  htmlGzipBytes: number
  /** The HTML as the server sends it to a client that accepts only gzip, and to one that accepts Brotli. */
  served: { gzip: number; br: number }
  scripts: ScriptSize[]
  /** gzipped bytes a current browser loads (nomodule polyfills left out), by kind. */
  jsGzipBytes: { nextRuntime: number; app: number; total: number }
  /** gzipped bytes of the nomodule polyfills, which only browsers without ES modules load. */
  polyfillGzipBytes: number
}

/**
 * zlib's default level (6), the one Next's own compression uses: the size a reader's browser
 * downloads, give or take the headers.
 */
export const gzipSize = (bytes: Buffer): number => gzipSync(bytes).length

/**
 * Next's runtime chunks, as the build lists them: `rootMainFiles` are the chunks every App Router
 * page loads (React, React DOM, the router, Turbopack's runtime), `polyfillFiles` the nomodule
 * polyfills. Whatever else a page loads is the app's own code.
 */
export function readRuntimeChunks(distDir: string): { runtime: Set<string>; polyfills: Set<string> } {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles?: string[]
    polyfillFiles?: string[]
  }
  const asUrl = (file: string) => `/_next/${file}`
  return {
    runtime: new Set((manifest.rootMainFiles ?? []).map(asUrl)),
    polyfills: new Set((manifest.polyfillFiles ?? []).map(asUrl)),
  }
}

/** Every `<script src>` of the page, with whether it is nomodule (only old browsers load those). */
export function scriptTags(html: string): { src: string; noModule: boolean }[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].flatMap(([, attributes]) => {
    const src = attributes!.match(/\bsrc="([^"]*)"/i)?.[1]
    if (!src) return []
    return [{ src: src.replaceAll('&amp;', '&'), noModule: /\bnomodule\b/i.test(attributes!) }]
  })
}

function kindOf(pathname: string, noModule: boolean, chunks: ReturnType<typeof readRuntimeChunks>): ScriptKind {
  if (noModule || chunks.polyfills.has(pathname)) return 'polyfill'
  return chunks.runtime.has(pathname) ? 'next-runtime' : 'app'
}

/** The bytes of the body the server sends for `encoding` (fetch would decode them). */
const servedBytes = (url: string, encoding: string): Promise<number> =>
  new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (response) => {
        let bytes = 0
        response.on('data', (chunk: Buffer) => (bytes += chunk.length))
        response.on('end', () => resolve(bytes))
      })
      .on('error', reject)
  })

/** The HTML's size and the size of each script it loads, gzipped. */
export async function measurePageSizes(pageUrl: string, html: Buffer, distDir: string): Promise<PageSizes> {
  const chunks = readRuntimeChunks(distDir)
  const scripts: ScriptSize[] = []
  for (const { src, noModule } of scriptTags(html.toString('utf8'))) {
    const url = new URL(src, pageUrl)
    const response = await fetch(url)
    if (!response.ok) throw new Error(`script ${url} answered ${response.status}`)
    // fetch undoes any Content-Encoding: these are the script's own bytes.
    const body = Buffer.from(await response.arrayBuffer())
    scripts.push({ src, kind: kindOf(url.pathname, noModule, chunks), bytes: body.length, gzipBytes: gzipSize(body) })
  }
  const sum = (kind: ScriptKind) => scripts.filter((script) => script.kind === kind).reduce((total, script) => total + script.gzipBytes, 0)
  return {
    url: pageUrl,
    htmlBytes: html.length,
    htmlGzipBytes: gzipSize(html),
    served: { gzip: await servedBytes(pageUrl, 'gzip'), br: await servedBytes(pageUrl, 'br') },
    scripts,
    jsGzipBytes: { nextRuntime: sum('next-runtime'), app: sum('app'), total: sum('next-runtime') + sum('app') },
    polyfillGzipBytes: sum('polyfill'),
  }
}
