import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { convertOnSourceChange } from '@/translation/machine/hooks/convertOnSourceChange'
import { rememberApprovedTranslation } from '@/translation/memory/rememberApprovedHook'
import { trackTranslation } from '@/translation/hooks/trackTranslation'
import { notePublishAllLocales, qaOnSave } from '@/translation/qa/hooks/qaOnSave'

import { checkApiKey } from './checkApiKey'
import { draftSavesStayDrafts } from './draftSavesStayDrafts'
import { guardTranslatorChanges } from './guardTranslatorChanges'
import { readersGetPublished } from './readersGetPublished'
import { selectStatusForReaders, unselectStatusForReaders } from './readersReadStatus'
import { readersSeePublishedLocales } from './readersSeePublishedLocales'
import { rejectMalformedId } from './rejectMalformedId'
import {
  queueWebhooksAfterChange,
  queueWebhooksAfterDelete,
  rememberRowBeforeChange,
  rememberRowBeforeDelete,
} from '@/webhooks/enqueue'
import type { ReaderCollection } from '@/lib/readerCollections'

/**
 * The hooks every content collection shares: safe reads, translators kept to their locales, the
 * translation workflow's fingerprints, memory and conversions, and webhooks queued (the caches are kept fresh
 * for every public collection by src/api/collectionHooks.ts).
 */
export const contentHooks = (
  collection: ReaderCollection,
  { beforeChange = [] }: { beforeChange?: CollectionBeforeChangeHook[] } = {},
): NonNullable<CollectionConfig['hooks']> => ({
  beforeOperation: [
    checkApiKey,
    rejectMalformedId,
    readersGetPublished,
    selectStatusForReaders,
    draftSavesStayDrafts,
    guardTranslatorChanges,
    notePublishAllLocales,
  ],
  beforeValidate: [rememberRowBeforeChange(collection)],
  beforeChange: [trackTranslation(collection), qaOnSave(collection), ...beforeChange],
  beforeRead: [readersSeePublishedLocales],
  afterRead: [unselectStatusForReaders],
  afterChange: [queueWebhooksAfterChange(collection), rememberApprovedTranslation, convertOnSourceChange(collection)],
  beforeDelete: [rememberRowBeforeDelete(collection)],
  afterDelete: [queueWebhooksAfterDelete(collection)],
})
