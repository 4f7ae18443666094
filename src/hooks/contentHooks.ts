import type { CollectionConfig } from 'payload'

import { draftSavesStayDrafts } from './draftSavesStayDrafts'
import { guardTranslatorChanges } from './guardTranslatorChanges'
import { hideUnpublishedLocales } from './hideUnpublishedLocales'
import { readersGetPublished } from './readersGetPublished'
import { rejectMalformedId } from './rejectMalformedId'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from './revalidateSite'

/** The hooks every content collection shares: safe reads, translators kept to their locales, and the site's cache kept fresh. */
export const contentHooks = (collection: 'articles' | 'carriers' | 'tips'): NonNullable<CollectionConfig['hooks']> => ({
  beforeOperation: [rejectMalformedId, readersGetPublished, draftSavesStayDrafts, guardTranslatorChanges],
  afterRead: [hideUnpublishedLocales],
  afterChange: [revalidateSiteAfterChange(collection)],
  afterDelete: [revalidateSiteAfterDelete(collection)],
})
