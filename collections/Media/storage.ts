import { s3Storage } from '@payloadcms/storage-s3'

/**
 * Where uploaded files live: the local folder (MEDIA_DIR) by default, or an S3-compatible bucket
 * when S3_BUCKET is set, so that several instances serve the same files (docs/scaling.md).
 * Files are still served through /api/media/file/…, with the collection's access rules.
 *
 * The plugin is always installed, only enabled by S3_BUCKET: its fields (`prefix`, `_objectKey`)
 * are then in the schema either way, so one set of migrations fits both, and its admin component
 * is in the import map whether or not the build had S3 settings.
 */
export const mediaStorage = (env: NodeJS.ProcessEnv = process.env) => {
  const credentials =
    env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined
  return s3Storage({
    enabled: Boolean(env.S3_BUCKET),
    alwaysInsertFields: true,
    bucket: env.S3_BUCKET ?? '',
    collections: { media: true },
    config: {
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION || 'us-east-1',
      // MinIO, s3rver and most self-hosted servers address buckets by path, not by host name.
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
      credentials,
    },
  })
}
