import type { CollectionConfig } from 'payload'

import { readersGetPublished } from './readersGetPublished'
import { rejectMalformedId } from './rejectMalformedId'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from './revalidateSite'
import {
  queueWebhooksAfterChange,
  queueWebhooksAfterDelete,
  rememberRowBeforeChange,
  rememberRowBeforeDelete,
} from '@/webhooks/enqueue'

/** The hooks every content collection shares: safe reads, the site's cache kept fresh, webhooks queued. */
export const contentHooks = (collection: 'articles' | 'carriers' | 'tips'): NonNullable<CollectionConfig['hooks']> => ({
  beforeOperation: [rejectMalformedId, readersGetPublished],
  // beforeValidate, not beforeChange: collections add their own beforeChange (articles' setPublishedAt).
  beforeValidate: [rememberRowBeforeChange(collection)],
  afterChange: [revalidateSiteAfterChange(collection), queueWebhooksAfterChange(collection)],
  beforeDelete: [rememberRowBeforeDelete(collection)],
  afterDelete: [revalidateSiteAfterDelete(collection), queueWebhooksAfterDelete(collection)],
})
