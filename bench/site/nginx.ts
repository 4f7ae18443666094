import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { startService, waitUntil, type Service } from './processes'

export const nginxBinary = '/usr/sbin/nginx'

type NginxSetup = {
  /** A folder of the bench's own: config, pid file, logs, temp files and the web root. */
  dir: string
  port: number
  /** The path the page is served at, the same as on the app (`/fr/guides/…`). */
  urlPath: string
  html: Buffer
}

/**
 * nginx serving one static file, as fast as it reasonably goes: no access log, sendfile, and a
 * keep-alive that, like Node's, does not close a connection after 1,000 requests (nginx's
 * default), which would make autocannon reconnect. gzip is off, as on the app's side, where the
 * load generator sends no Accept-Encoding.
 */
function nginxConfig({ dir, port }: NginxSetup): string {
  const temp = (name: string) => path.join(dir, 'temp', name)
  return `# Written by bench/site/nginx.ts for one benchmark run.
daemon off;
worker_processes auto;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  server_tokens off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip off;
  # The same Content-Type as Next's: text/html; charset=utf-8.
  types { }
  default_type text/html;
  charset utf-8;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  server {
    listen 127.0.0.1:${port};
    root ${path.join(dir, 'root')};
    location / { try_files $uri =404; }
  }
}
`
}

/** Writes the page at its own path under nginx's root, then starts nginx in the foreground. */
export async function startNginx(setup: NginxSetup): Promise<Service> {
  if (!existsSync(nginxBinary)) throw new Error(`no ${nginxBinary}: apt-get install -y nginx`)
  const { dir } = setup
  mkdirSync(path.join(dir, 'temp'), { recursive: true })
  const page = path.join(dir, 'root', setup.urlPath)
  mkdirSync(path.dirname(page), { recursive: true })
  writeFileSync(page, setup.html, { mode: 0o644 })
  const configFile = path.join(dir, 'nginx.conf')
  writeFileSync(configFile, nginxConfig(setup))
  // -e: without it nginx first opens the system's /var/log/nginx/error.log.
  const args = ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', configFile]
  execFileSync(nginxBinary, [...args, '-t', '-q'], { stdio: 'pipe' })
  // SIGQUIT: nginx's graceful stop.
  const server = startService('nginx', nginxBinary, args, { cwd: dir, env: process.env, stopSignal: 'SIGQUIT' })
  const url = `http://127.0.0.1:${setup.port}${setup.urlPath}`
  await waitUntil('nginx', async () => (await fetch(url)).ok, server, 15_000)
  return server
}
