import type { CollectionConfig } from 'payload'

import { rememberApprovedTranslation } from '@/translation/memory/rememberApprovedHook'

import { readersGetPublished } from './readersGetPublished'
import { rejectMalformedId } from './rejectMalformedId'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from './revalidateSite'

/** The hooks every content collection shares: safe reads, and the site's cache kept fresh. */
export const contentHooks = (collection: 'articles' | 'carriers' | 'tips'): NonNullable<CollectionConfig['hooks']> => ({
  beforeOperation: [rejectMalformedId, readersGetPublished],
  afterChange: [revalidateSiteAfterChange(collection), rememberApprovedTranslation],
  afterDelete: [revalidateSiteAfterDelete(collection)],
})
