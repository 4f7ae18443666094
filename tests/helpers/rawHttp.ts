import { request } from 'node:http'

/**
 * A request that declares a body of `declaredBytes` and sends only its first kilobyte, then waits
 * for the answer: what a server that refuses by the declared length does, without the test
 * pushing megabytes through the machine.
 */
export const declaredBody = (url: string, declaredBytes: number, headers: Record<string, string> = {}, method = 'POST') =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const outgoing = request(url, { method, headers: { ...headers, 'content-length': String(declaredBytes) } }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        outgoing.destroy()
        resolve({ status: response.statusCode ?? 0, text })
      })
    })
    outgoing.on('error', reject)
    outgoing.write(Buffer.alloc(Math.min(1024, declaredBytes), 0x20))
  })
