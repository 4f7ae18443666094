import type { CollectionConfig } from 'payload'

import { checkApiKey } from './checkApiKey'
import { readersGetPublished } from './readersGetPublished'
import { rejectMalformedId } from './rejectMalformedId'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from './revalidateSite'

/** The hooks every content collection shares: refused revoked keys, safe reads, and the site's cache kept fresh. */
export const contentHooks = (collection: 'articles' | 'carriers' | 'tips'): NonNullable<CollectionConfig['hooks']> => ({
  beforeOperation: [checkApiKey, rejectMalformedId, readersGetPublished],
  afterChange: [revalidateSiteAfterChange(collection)],
  afterDelete: [revalidateSiteAfterDelete(collection)],
})
