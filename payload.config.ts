import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Carriers } from './collections/Carriers'
import { Media } from './collections/Media'
import { Tips } from './collections/Tips'
import { Users } from './collections/Users'
import { guideEditor } from './src/fields/guideEditor'
import { locales, sourceLocale } from './src/lib/locales'
import { refuseUnmigratedDatabase } from './src/db/refuseUnmigratedDatabase'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

const megabyte = 1024 * 1024
export const maxUploadBytes = Number(process.env.MEDIA_MAX_MB || 10) * megabyte

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || '',
  serverURL: process.env.NEXT_PUBLIC_SERVER_URL || undefined,
  admin: {
    user: Users.slug,
    // Gravatar would send every editor's e-mail hash to an outside service.
    avatar: 'default',
    meta: { titleSuffix: ' · Lagon' },
    importMap: { baseDir: projectRoot },
  },
  collections: [Articles, Carriers, Tips, Media, Users],
  editor: guideEditor,
  localization: {
    locales: locales.map(({ code, label, ...rest }) => ({
      code,
      label,
      ...('fallbackLocale' in rest ? { fallbackLocale: [...rest.fallbackLocale] } : {}),
    })),
    defaultLocale: sourceLocale,
    fallback: true,
  },
  i18n: {
    supportedLanguages: { zh, en, fr },
    fallbackLanguage: 'en',
  },
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL },
    // The schema comes only from committed migrations: a dev push would make `payload migrate` prompt.
    push: false,
    migrationDir: path.join(projectRoot, 'migrations'),
  }),
  upload: {
    limits: { fileSize: maxUploadBytes },
    responseOnLimit: `file: larger than the ${maxUploadBytes / megabyte} MB upload limit.`,
  },
  sharp,
  graphQL: { schemaOutputFile: path.join(projectRoot, 'src/generated-schema.graphql') },
  typescript: { outputFile: path.join(projectRoot, 'src/payload-types.ts') },
  onInit: refuseUnmigratedDatabase,
})
