import { checkDependencies } from 'payload'

/**
 * Payload refuses to start outside production when any of its packages it can find has another
 * version than `payload`. Lagon runs Payload 3.90.2, while the latest @payloadcms/storage-s3 (and
 * the @payloadcms/plugin-cloud-storage it depends on) is 3.90.1, installed with `overrides` that
 * give it Lagon's payload and ui (docs/scaling.md). Payload's own check is turned off in
 * payload.config.ts (PAYLOAD_DISABLE_DEPENDENCY_CHECKER) and this one runs instead, with Payload's
 * function: every Payload package Lagon runs must be payload's version, and the two storage
 * packages each other's.
 */
export const checkPayloadVersions = (): Promise<void> =>
  checkDependencies({
    dependencyGroups: [
      {
        name: 'payload',
        dependencies: [
          'payload',
          '@payloadcms/db-postgres',
          '@payloadcms/drizzle',
          '@payloadcms/graphql',
          '@payloadcms/next',
          '@payloadcms/richtext-lexical',
          '@payloadcms/translations',
          '@payloadcms/ui',
        ],
        targetVersionDependency: 'payload',
      },
      {
        name: '@payloadcms/storage-s3',
        dependencies: ['@payloadcms/storage-s3', '@payloadcms/plugin-cloud-storage'],
        targetVersionDependency: '@payloadcms/storage-s3',
      },
    ],
  })
