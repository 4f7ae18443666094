import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { appUrl, type AppSetup } from './app'
import { getRaw } from './http'
import { auditPageMedian } from './lighthouse'
import { measureLoad, warmUp } from './load'
import { noteLoad, noteOthersBusy } from './machine'
import { startNginx } from './nginx'
import { freePort } from './processes'
import type { BenchResult } from './result'
import { measurePageSizes } from './sizes'

/** The seeded guide in each locale; the French one is put under load. */
export const guidePaths: Record<string, string> = {
  zh: '/zh/guides/xinkaliduoniya-esim-weixin-zhifubao',
  en: '/en/guides/new-caledonia-esim-wechat-alipay',
  fr: '/fr/guides/nouvelle-caledonie-esim-wechat-alipay',
}
export const loadLocale = 'fr'

/** Fetches the page as the load test will, checking it is a plain 200. */
async function capturePage(url: string): Promise<Buffer> {
  const response = await getRaw(url)
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  if (response.contentEncoding) throw new Error(`${url} came ${response.contentEncoding}-encoded without being asked to`)
  return response.body
}

/** The French guide from the app, then the same bytes from nginx, each under the same load. */
export async function measureAgainstNginx(dir: string, setup: AppSetup, warnings: string[]): Promise<BenchResult['load']> {
  const urlPath = guidePaths[loadLocale]!
  const appPageUrl = `${appUrl(setup.port)}${urlPath}`
  const html = await capturePage(appPageUrl)
  if (!html.equals(await capturePage(appPageUrl))) warnings.push('the app sent different HTML on two requests in a row')
  const nginxPort = await freePort()
  await startNginx({ dir: path.join(dir, 'nginx'), port: nginxPort, urlPath, html })
  const nginxPageUrl = `http://127.0.0.1:${nginxPort}${urlPath}`
  await warmUp([nginxPageUrl])
  const [fromApp, fromNginx] = [await getRaw(appPageUrl), await getRaw(nginxPageUrl)]
  const sameBody = fromNginx.body.equals(html)
  if (!sameBody) warnings.push('nginx did not send the bytes captured from the app')
  if (fromApp.contentType !== fromNginx.contentType) warnings.push(`Content-Type differs: app ${fromApp.contentType}, nginx ${fromNginx.contentType}`)
  noteLoad('before load tests')
  await noteOthersBusy('app load test')
  console.log(`bench: load on the app, ${appPageUrl}`)
  const app = await measureLoad(appPageUrl)
  noteLoad('after app load test')
  await noteOthersBusy('nginx load test')
  console.log(`bench: load on nginx, ${nginxPageUrl}`)
  const nginx = await measureLoad(nginxPageUrl)
  noteLoad('after nginx load test')
  for (const [name, load] of [['app', app], ['nginx', nginx]] as const) {
    if (load.non2xx || load.errors || load.timeouts) {
      warnings.push(`${name} under load: ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts`)
    }
  }
  return {
    app,
    nginx,
    ratio: app.requestsPerSecond / nginx.requestsPerSecond,
    sameBody,
    contentType: { app: fromApp.contentType, nginx: fromNginx.contentType },
    appHeaders: pickHeaders(fromApp.headers, ['cache-control', 'x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time', 'vary', 'etag']),
    compression: 'gzip off on both sides (no Accept-Encoding sent; nginx has gzip off)',
  }
}

function pickHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => name in headers).map((name) => [name, headers[name]!]))
}

/** HTML and script sizes of the guide in each locale. */
export async function measureSizes(setup: AppSetup): Promise<BenchResult['sizes']> {
  const sizes: BenchResult['sizes'] = {}
  for (const [locale, urlPath] of Object.entries(guidePaths)) {
    const url = `${appUrl(setup.port)}${urlPath}`
    sizes[locale] = await measurePageSizes(url, await capturePage(url), path.join(setup.appDir, '.next'))
  }
  return sizes
}

/** Lighthouse in each locale; the median run's full report is kept beside the results, to read why. */
export async function measureLighthouse(setup: AppSetup, runs: number, stem: string, warnings: string[]): Promise<BenchResult['lighthouse']> {
  const results: BenchResult['lighthouse'] = {}
  mkdirSync(path.dirname(stem), { recursive: true })
  for (const [locale, urlPath] of Object.entries(guidePaths)) {
    console.log(`bench: Lighthouse ${locale} ×${runs}`)
    const { run, lhr } = await auditPageMedian(`${appUrl(setup.port)}${urlPath}`, runs)
    writeFileSync(`${stem}-lighthouse-${locale}.json`, JSON.stringify(lhr))
    results[locale] = run
    const outside = run.outsideRequests
    if (outside.length) warnings.push(`${locale}: the page requested outside this server: ${outside.join(', ')}`)
  }
  return results
}
