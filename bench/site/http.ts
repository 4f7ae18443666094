import { request } from 'node:http'

export type RawResponse = {
  status: number
  contentType: string
  contentEncoding: string
  headers: Record<string, string>
  body: Buffer
}

/**
 * A GET with no Accept-Encoding, as autocannon sends it: the exact bytes the load test gets
 * (fetch would ask for gzip and undo it, hiding what the server really sent).
 */
export function getRaw(url: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET' }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          contentEncoding: String(response.headers['content-encoding'] ?? ''),
          headers: Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)])),
          body: Buffer.concat(chunks),
        }),
      )
      response.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}
