import net from 'node:net'

import { freePort } from './ports'

/**
 * A TCP proxy between a server under test and PostgreSQL, so that a test can take the database
 * away from that server alone (`cut`: every connection dropped, new ones refused) and give it
 * back (`restore`), while the suite's other databases on the same PostgreSQL carry on.
 */
export const tcpProxy = async (target: { host: string; port: number }) => {
  const port = await freePort()
  const sockets = new Set<net.Socket>()
  let listener: net.Server | undefined
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const open = () =>
    new Promise<void>((resolve, reject) => {
      listener = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host)
        track(client)
        track(upstream)
        client.on('close', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
        client.pipe(upstream).pipe(client)
      })
      listener.once('error', reject)
      listener.listen(port, '127.0.0.1', () => resolve())
    })
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      if (!listener) return resolve()
      listener.close(() => resolve())
      listener = undefined
    })
  await open()
  return { port, cut, restore: open, close: cut }
}

/** `databaseUrl` with its host and port replaced by the proxy's. */
export const throughProxy = (databaseUrl: string, proxyPort: number): string => {
  const url = new URL(databaseUrl)
  url.hostname = '127.0.0.1'
  url.port = String(proxyPort)
  return url.toString()
}
