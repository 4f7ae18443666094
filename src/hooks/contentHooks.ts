import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { rememberApprovedTranslation } from '@/translation/memory/rememberApprovedHook'
import { trackTranslation } from '@/translation/hooks/trackTranslation'

import { checkApiKey } from './checkApiKey'
import { draftSavesStayDrafts } from './draftSavesStayDrafts'
import { guardTranslatorChanges } from './guardTranslatorChanges'
import { readersGetPublished } from './readersGetPublished'
import { readersSeePublishedLocales } from './readersSeePublishedLocales'
import { rejectMalformedId } from './rejectMalformedId'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from './revalidateSite'
import {
  queueWebhooksAfterChange,
  queueWebhooksAfterDelete,
  rememberRowBeforeChange,
  rememberRowBeforeDelete,
} from '@/webhooks/enqueue'

/**
 * The hooks every content collection shares: safe reads, translators kept to their locales, the
 * translation workflow's fingerprints and memory, the site's cache kept fresh, and webhooks queued.
 */
export const contentHooks = (
  collection: 'articles' | 'carriers' | 'tips',
  { beforeChange = [] }: { beforeChange?: CollectionBeforeChangeHook[] } = {},
): NonNullable<CollectionConfig['hooks']> => ({
  beforeOperation: [checkApiKey, rejectMalformedId, readersGetPublished, draftSavesStayDrafts, guardTranslatorChanges],
  beforeValidate: [rememberRowBeforeChange(collection)],
  beforeChange: [trackTranslation(collection), ...beforeChange],
  beforeRead: [readersSeePublishedLocales],
  afterChange: [revalidateSiteAfterChange(collection), queueWebhooksAfterChange(collection), rememberApprovedTranslation],
  beforeDelete: [rememberRowBeforeDelete(collection)],
  afterDelete: [revalidateSiteAfterDelete(collection), queueWebhooksAfterDelete(collection)],
})
