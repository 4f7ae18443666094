import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedWebhook = { path: string; headers: IncomingHttpHeaders; body: string }

/** How a path answers its nth request (0-based): a status, or never. */
export type Answer = (nth: number) => number | 'hang'

/**
 * A real HTTP server standing for the developers' receivers: it keeps every request's raw body
 * and headers, and answers each path as the test asks (200 unless told otherwise).
 */
export const startWebhookReceiver = async () => {
  const received: ReceivedWebhook[] = []
  const answers = new Map<string, Answer>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = req.url ?? '/'
      const nth = received.filter((request) => request.path === path).length
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const answer = (answers.get(path) ?? (() => 200))(nth)
      if (answer !== 'hang') res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'receiver error')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    answer: (path: string, answer: Answer) => void answers.set(path, answer),
    received: (path: string) => received.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests would keep the server open.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
