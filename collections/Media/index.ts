import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isStaff } from '@/access/isStaff'
import { publishedMediaOrStaff } from '@/access/publishedMedia'
import { usedByPublishedField } from '@/fields/usedByPublished'
import { requiredInSourceLocale } from '@/fields/validators'
import { adminTextsOf, collectionLabels } from '@/lib/adminLabels'
import { checkApiKey } from '@/hooks/checkApiKey'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'

import { guardTranslatorMedia } from './hooks/guardTranslatorMedia'

const texts = adminTextsOf('media')

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Raster formats browsers render safely; SVG is refused since it can carry scripts. */
export const acceptedImageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

export const Media: CollectionConfig = {
  slug: 'media',
  // Documented in the OpenAPI contract (src/openapi/document.ts).
  custom: { publicApi: true },
  labels: collectionLabels.media,
  hooks: { beforeOperation: [checkApiKey, rejectMalformedId, guardTranslatorMedia] },
  access: { read: publishedMediaOrStaff, create: isStaff, update: isStaff, delete: isAdmin },
  admin: { useAsTitle: 'alt' },
  upload: {
    staticDir: process.env.MEDIA_DIR || path.join(projectRoot, 'media'),
    mimeTypes: acceptedImageTypes,
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre' },
      { name: 'card', width: 768, height: 512, position: 'centre' },
      { name: 'hero', width: 1600, withoutEnlargement: true },
      { name: 'social', width: 1200, height: 630, position: 'centre' },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: texts.alt,
      localized: true,
      validate: requiredInSourceLocale,
      admin: {
        description: texts.altDescription,
      },
    },
    usedByPublishedField(),
  ],
}
