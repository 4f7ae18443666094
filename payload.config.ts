import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { ApiKeys } from './collections/ApiKeys'
import { Articles } from './collections/Articles'
import { Carriers } from './collections/Carriers'
import { Glossary } from './collections/Glossary'
import { Media } from './collections/Media'
import { mediaStorage } from './collections/Media/storage'
import { Tips } from './collections/Tips'
import { TranslationMemory } from './collections/TranslationMemory'
import { Users } from './collections/Users'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { Webhooks } from './collections/Webhooks'
import { migrations } from './migrations'
import { withApiHooks } from './src/api/collectionHooks'
import { stableErrorNames } from './src/api/errorNames'
import { introspectionForStaffAndKeys } from './src/api/graphqlIntrospection'
import { answerDatabaseOutage } from './src/api/hooks/answerDatabaseOutage'
import { corsOrigins } from './src/api/settings'
import { health } from './src/endpoints/health'
import { searchEndpoint } from './src/search/endpoint'
import { translationDetailEndpoint, translationStatusEndpoint } from './src/endpoints/translations'
import { apiReference, openapiJson } from './src/endpoints/openapi'
import { machineTranslationStatusEndpoint } from './src/translation/machine/endpoints'
import { xliffExportEndpoint, xliffImportEndpoint } from './src/translation/xliff/endpoints'
import { dashboard } from './src/dashboard/widgets'
import { adminDateFormat } from './src/fields/dates'
import { guideEditor } from './src/fields/guideEditor'
import { withLabelsInAdminLanguage } from './src/lib/adminLabels'
import { adminLanguages } from './src/lib/adminLanguages'
import { isLocale, locales, readerDefaultLocale, sourceLocale } from './src/lib/locales'
import { configuredSiteUrl } from './src/site/paths'
import { previewUrl } from './src/site/preview'
import { outliveLostConnections, poolTimeouts } from './src/db/availability'
import { refuseUnmigratedDatabase } from './src/db/refuseUnmigratedDatabase'
import { runCallbacksAfterCommit } from './src/freshness/afterCommit'
import { forgetSignedInUsersOnWrite } from './src/accounts/forgetSignedInUsers'
import { shouldRunJobs } from './src/freshness/changeBus'
import { withMigrationLock } from './src/db/migrationLock'
import { checkPayloadVersions } from './src/lib/payloadVersions'
import { sideBySide } from './src/translation/sideBySide'
import { withRevisions } from './src/concurrency/withRevisions'
import { withEditLocks } from './src/editLocks/withEditLocks'
import { isAdminRequest } from './src/access/isAdmin'
import { staffOnlyLocks } from './src/access/staffOnlyLocks'
import { deliverWebhook } from './src/webhooks/deliverWebhook'
import { webhookSettings } from './src/webhooks/settings'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

// Payload's version check cannot allow @payloadcms/storage-s3's 3.90.1 pin; checkPayloadVersions runs instead (onInit).
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER = 'true'

const megabyte = 1024 * 1024
export const maxUploadBytes = Number(process.env.MEDIA_MAX_MB || 10) * megabyte

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || '',
  serverURL: configuredSiteUrl(),
  admin: {
    user: Users.slug,
    // Gravatar would send every editor's e-mail hash to an outside service.
    avatar: 'default',
    meta: { titleSuffix: ' · Lagon' },
    dateFormat: adminDateFormat,
    dashboard,
    importMap: { baseDir: projectRoot },
    components: {
      afterNavLinks: ['/src/translation/admin/TranslationsNavLink#TranslationsNavLink'],
      views: {
        translations: { Component: '/src/translation/admin/TranslationsView#TranslationsView', path: '/translations' },
      },
    },
    livePreview: {
      collections: [Articles.slug, Carriers.slug, Tips.slug],
      url: ({ collectionConfig, data, locale }) =>
        collectionConfig && isLocale(locale?.code)
          ? previewUrl({ collection: collectionConfig.slug, locale: locale.code, slug: data?.slug })
          : null,
      // Payload shows these labels as they are, in every language: the sizes read the same in zh, en and fr.
      breakpoints: [
        { label: '375 × 667', name: 'mobile', width: 375, height: 667 },
        { label: '1440 × 900', name: 'desktop', width: 1440, height: 900 },
      ],
    },
  },
  collections: [
    ...[Articles, Carriers, Tips].map(sideBySide).map(withEditLocks).map(withRevisions),
    Media,
    Users,
    ApiKeys,
    Webhooks,
    WebhookDeliveries,
    Glossary,
    TranslationMemory,
  ]
    .map(withApiHooks)
    .map(withLabelsInAdminLanguage),
  // While the database is unreachable the API answers 503 with Retry-After, not 500.
  hooks: { afterError: [answerDatabaseOutage, stableErrorNames] },
  // Browsers on these origins may call the API (CORS_ORIGINS); preflights are answered by Payload.
  cors: corsOrigins(),
  jobs: {
    tasks: [deliverWebhook],
    // Runs queued jobs (webhook deliveries, scheduled publishing) inside the server: Payload starts
    // this cron with the first request the server handles (admin, API, reader page, health check).
    autoRun: webhookSettings.jobsCron === 'off' ? undefined : [{ cron: webhookSettings.jobsCron, allQueues: true, limit: 20 }],
    // With several instances, only the one holding the jobs lock runs them: each job runs once.
    shouldAutoRun: shouldRunJobs,
    // The REST endpoints /api/payload-jobs/run and …/handle-schedules: admins only (the default is any signed-in user).
    access: { run: isAdminRequest, queue: isAdminRequest, cancel: isAdminRequest },
  },
  endpoints: [
    health,
    searchEndpoint,
    openapiJson,
    apiReference,
    translationStatusEndpoint,
    translationDetailEndpoint,
    machineTranslationStatusEndpoint,
    xliffExportEndpoint,
    xliffImportEndpoint,
  ],
  editor: guideEditor,
  plugins: [mediaStorage()],
  localization: {
    locales: locales.map(({ code, label, fallbackLocale }) => ({
      code,
      label,
      ...(fallbackLocale ? { fallbackLocale: [...fallbackLocale] } : {}),
    })),
    defaultLocale: sourceLocale,
    // The admin's publish button publishes the locale being edited; "all locales" is in its menu.
    defaultLocalePublishOption: 'active',
    fallback: true,
  },
  i18n: {
    supportedLanguages: adminLanguages(),
    fallbackLanguage: locales.find((locale) => locale.code === readerDefaultLocale)!.adminLanguage,
  },
  db: withMigrationLock(postgresAdapter({
    // Bounded waits (see src/db/availability.ts): a database that is down or stuck fails a command
    // or request, it does not hang it.
    pool: { connectionString: process.env.DATABASE_URL, ...poolTimeouts() },
    // The schema comes only from committed migrations: a dev push would make `payload migrate` prompt.
    push: false,
    migrationDir: path.join(projectRoot, 'migrations'),
    // The production server (Docker, `next start`) applies pending migrations itself when it starts.
    prodMigrations: migrations,
  })),
  upload: {
    limits: { fileSize: maxUploadBytes },
    responseOnLimit: `file: larger than the ${maxUploadBytes / megabyte} MB upload limit.`,
  },
  sharp,
  graphQL: {
    // `npm run generate:graphql` writes it; tests/graphqlSchema.test.ts checks it against the config.
    schemaOutputFile: path.join(projectRoot, 'src/graphql/schema.graphql'),
    disableIntrospectionInProduction: false,
    validationRules: (args) => [introspectionForStaffAndKeys(args)],
  },
  typescript: {
    outputFile: path.join(projectRoot, 'src/payload-types.ts'),
    // Regenerated by `npm run generate:types` and by `next dev` on change, never as a side effect of tests or scripts.
    autoGenerate: process.env.NODE_ENV === 'development',
  },
  // A save refused for a stale If-Match is the client's to handle, not a server error. (Payload's
  // type lists its own errors' names only; the logger looks any name up.)
  loggingLevels: { PreconditionFailed: 'info' } as Config['loggingLevels'],
  // Each locale of a document is published on its own (`versions.drafts.localizeStatus`).
  experimental: { localizeStatus: true },
  onInit: async (payload) => {
    if (process.env.NODE_ENV !== 'production') await checkPayloadVersions()
    await refuseUnmigratedDatabase(payload)
    outliveLostConnections(payload.db.pool)
    runCallbacksAfterCommit(payload)
    forgetSignedInUsersOnWrite(payload)
  },
}).then(staffOnlyLocks)
