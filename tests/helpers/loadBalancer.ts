import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort, waitFor } from './ports'

/**
 * Debian's nginx as a round-robin load balancer in front of `upstreams` (host:port), in the
 * foreground, with its configuration, logs and temporary files in a folder of its own. Each
 * answer names the instance that made it in `X-Upstream`.
 */
export const startLoadBalancer = async (upstreams: string[]): Promise<{ url: string; stop: () => Promise<void> }> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lagon-nginx-'))
  // Its workers run as `nobody` when started by root, and buffer large answers in this folder.
  chmodSync(dir, 0o777)
  const port = await freePort()
  const config = path.join(dir, 'nginx.conf')
  writeFileSync(
    config,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream lagon {
${upstreams.map((upstream) => `    server ${upstream};`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 20m;
    location / {
      proxy_pass http://lagon;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  )
  let output = ''
  const nginx = spawn('nginx', ['-p', dir, '-c', config, '-e', `${dir}/error.log`])
  nginx.stderr.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  await waitFor(
    async () => {
      if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}: ${output}`)
      return (await fetch(`${url}/api/health`)).ok
    },
    10_000,
    () => `nginx: ${output}`,
  )
  return {
    url,
    stop: async () => {
      if (nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx.once('exit', resolve))
        nginx.kill('SIGQUIT')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
