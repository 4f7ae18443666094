/**
 * The little of the tar format (POSIX ustar) a backup needs: regular files, names under 100
 * bytes (the archive names its entries itself), written and read as streams. No package for it:
 * the format is 512-byte blocks, and a reader that takes only what it wrote refuses the rest.
 */

const block = 512

export class TarError extends Error {}

const octal = (value: number, width: number): string => value.toString(8).padStart(width - 1, '0') + '\0'

const headerChecksum = (header: Buffer): number => {
  let sum = 0
  for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!
  return sum
}

/** The header block of a regular file. */
export const tarHeader = (name: string, size: number, mtime = new Date()): Buffer => {
  const nameBytes = Buffer.from(name, 'utf8')
  if (nameBytes.length >= 100) throw new TarError(`tar: entry name too long: ${name}`)
  const header = Buffer.alloc(block)
  nameBytes.copy(header, 0)
  header.write(octal(0o644, 8), 100, 'ascii')
  header.write(octal(0, 8), 108, 'ascii')
  header.write(octal(0, 8), 116, 'ascii')
  header.write(octal(size, 12), 124, 'ascii')
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii')
  header.write('0', 156, 'ascii')
  header.write('ustar\0', 257, 'ascii')
  header.write('00', 263, 'ascii')
  header.write(octal(headerChecksum(header), 7) + ' ', 148, 'ascii')
  return header
}

/** The zeros that round an entry's content up to a whole block. */
export const tarPadding = (size: number): Buffer => Buffer.alloc((block - (size % block)) % block)

/** The two zero blocks that end an archive. */
export const tarEnd = (): Buffer => Buffer.alloc(block * 2)

/** Exactly `n` bytes at a time from a stream of chunks (fewer only at its end). */
class ByteReader {
  private buffered: Buffer[] = []
  private length = 0
  private done = false
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<void> {
    while (this.length < n && !this.done) {
      const { value, done } = await this.source.next()
      if (done) this.done = true
      else {
        this.buffered.push(value)
        this.length += value.length
      }
    }
  }

  /** Up to `max` bytes, at least one unless the stream has ended. */
  async some(max: number): Promise<Buffer> {
    await this.fill(1)
    const all = Buffer.concat(this.buffered)
    const taken = all.subarray(0, Math.min(max, all.length))
    this.buffered = [all.subarray(taken.length)]
    this.length = all.length - taken.length
    return taken
  }

  async exactly(n: number): Promise<Buffer> {
    await this.fill(n)
    const all = Buffer.concat(this.buffered)
    const taken = all.subarray(0, Math.min(n, all.length))
    this.buffered = [all.subarray(taken.length)]
    this.length = all.length - taken.length
    return taken
  }
}

export type TarEntry = { name: string; size: number; content: AsyncGenerator<Buffer> }

const parseHeader = (header: Buffer): { name: string; size: number } => {
  const field = (start: number, length: number) => header.subarray(start, start + length).toString('ascii').replace(/\0.*$/s, '').trim()
  const stored = parseInt(field(148, 8), 8)
  if (stored !== headerChecksum(header)) throw new TarError('a tar header is damaged (its checksum does not match)')
  const type = String.fromCharCode(header[156]!)
  const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '')
  if (type !== '0' && type !== '\0') throw new TarError(`entry ${name} is not a regular file (tar type ${type})`)
  const size = parseInt(field(124, 12), 8)
  if (!Number.isSafeInteger(size) || size < 0) throw new TarError(`entry ${name} has no valid size`)
  return { name, size }
}

/**
 * The entries of a tar stream, in order. Each entry's content must be read before asking for the
 * next (what is left of it is skipped).
 */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source[Symbol.asyncIterator]())
  for (;;) {
    const header = await reader.exactly(block)
    if (header.length < block) throw new TarError('the archive ends in the middle of a tar header (cut short?)')
    if (header.every((byte) => byte === 0)) return
    const { name, size } = parseHeader(header)
    let left = size
    const content = async function* () {
      while (left > 0) {
        const chunk = await reader.some(Math.min(left, 1 << 20))
        if (chunk.length === 0) throw new TarError(`the archive ends in the middle of ${name} (cut short?)`)
        left -= chunk.length
        yield chunk
      }
    }
    const entry = content()
    yield { name, size, content: entry }
    for await (const chunk of entry) void chunk
    // A generator returned early by its reader (`break`) is done: skip what it left.
    while (left > 0) {
      const skipped = await reader.some(Math.min(left, 1 << 20))
      if (skipped.length === 0) throw new TarError(`the archive ends in the middle of ${name} (cut short?)`)
      left -= skipped.length
    }
    const padding = tarPadding(size).length
    if (padding > 0 && (await reader.exactly(padding)).length < padding) throw new TarError('the archive is cut short')
  }
}
