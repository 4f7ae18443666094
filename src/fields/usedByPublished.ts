import type { CheckboxField } from 'payload'

import { isStaffField } from '@/access/isStaff'

import { notInLists } from './notInLists'

/**
 * Whether a published locale of some public document uses the medium: what readers' access to
 * media asks (src/access/publishedMedia.ts), one indexed lookup. Kept by the writes of content
 * themselves (src/freshness/mediaUses.ts, from the table `media_uses`), never by a client.
 */
export const usedByPublishedField = (): CheckboxField => ({
  name: 'usedByPublished',
  type: 'checkbox',
  defaultValue: false,
  index: true,
  access: { read: isStaffField, create: () => false, update: () => false },
  admin: { hidden: true, readOnly: true, ...notInLists },
})
