import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { trackTranslation } from '@/translation/hooks/trackTranslation'

import { checkApiKey } from './checkApiKey'
import { draftSavesStayDrafts } from './draftSavesStayDrafts'
import { guardTranslatorChanges } from './guardTranslatorChanges'
import { hideUnpublishedLocales } from './hideUnpublishedLocales'
import { readersGetPublished } from './readersGetPublished'
import { rejectMalformedId } from './rejectMalformedId'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from './revalidateSite'

/**
 * The hooks every content collection shares: safe reads, translators kept to their locales, the
 * translation workflow's fingerprints, and the site's cache kept fresh.
 */
export const contentHooks = (
  collection: 'articles' | 'carriers' | 'tips',
  { beforeChange = [] }: { beforeChange?: CollectionBeforeChangeHook[] } = {},
): NonNullable<CollectionConfig['hooks']> => ({
  beforeOperation: [checkApiKey, rejectMalformedId, readersGetPublished, draftSavesStayDrafts, guardTranslatorChanges],
  beforeChange: [trackTranslation(collection), ...beforeChange],
  afterRead: [hideUnpublishedLocales],
  afterChange: [revalidateSiteAfterChange(collection)],
  afterDelete: [revalidateSiteAfterDelete(collection)],
})
