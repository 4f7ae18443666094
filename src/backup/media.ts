import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { mkdir, readdir, rename, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

import { projectRoot } from '@/db/databaseUrl'

/**
 * Where uploaded files are, read and written the way collections/Media stores them: the local
 * folder (MEDIA_DIR, or media/), or with S3_BUCKET the bucket (collections/Media/storage.ts reads
 * the same settings).
 */
export type MediaStore = {
  kind: 'local' | 's3'
  /** For messages: the folder, or `s3://bucket`. */
  where: string
  list: () => Promise<{ path: string; size: number }[]>
  read: (file: string) => Promise<Readable>
  write: (file: string, content: AsyncIterable<Buffer>, size: number) => Promise<void>
}

export const localMediaDir = (env: NodeJS.ProcessEnv = process.env): string => env.MEDIA_DIR || path.join(projectRoot, 'media')

const partialSuffix = '.restoring'

const localStore = (dir: string): MediaStore => ({
  kind: 'local',
  where: dir,
  list: async () => {
    const files: { path: string; size: number }[] = []
    const walk = async (folder: string): Promise<void> => {
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name)
        if (entry.isDirectory()) await walk(full)
        // A file a restore was writing when it stopped is no medium.
        else if (entry.isFile() && !entry.name.endsWith(partialSuffix)) {
          files.push({ path: path.relative(dir, full).split(path.sep).join('/'), size: (await stat(full)).size })
        }
      }
    }
    if (existsSync(dir)) await walk(dir)
    return files.sort((a, b) => a.path.localeCompare(b.path))
  },
  read: async (file) => createReadStream(path.join(dir, file)),
  write: async (file, content) => {
    const target = path.join(dir, file)
    await mkdir(path.dirname(target), { recursive: true })
    const partial = `${target}${partialSuffix}`
    await pipeline(Readable.from(content), createWriteStream(partial))
    await rename(partial, target)
  },
})

const s3Store = (env: NodeJS.ProcessEnv): MediaStore => {
  const bucket = env.S3_BUCKET!
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
  })
  return {
    kind: 's3',
    where: `s3://${bucket}`,
    list: async () => {
      const files: { path: string; size: number }[] = []
      let token: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }))
        for (const object of page.Contents ?? []) if (object.Key) files.push({ path: object.Key, size: object.Size ?? 0 })
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      return files.sort((a, b) => a.path.localeCompare(b.path))
    },
    read: async (file) => {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: file }))
      if (!(Body instanceof Readable)) throw new Error(`s3://${bucket}/${file}: no content`)
      return Body
    },
    write: async (file, content, size) => {
      const chunks: Buffer[] = []
      for await (const chunk of content) chunks.push(chunk)
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: file, Body: Buffer.concat(chunks), ContentLength: size }))
    },
  }
}

export const mediaStore = (env: NodeJS.ProcessEnv = process.env): MediaStore =>
  env.S3_BUCKET ? s3Store(env) : localStore(localMediaDir(env))

/** A media path from an archive, refused unless it stays inside the folder or bucket it goes to. */
export const safeMediaPath = (file: unknown): string => {
  if (typeof file !== 'string' || file === '' || file.includes('\0') || file.includes('\\')) throw new Error(`media path ${JSON.stringify(file)} is not a file name`)
  const parts = file.split('/')
  if (file.startsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`media path ${JSON.stringify(file)} leaves the media folder`)
  }
  return file
}
