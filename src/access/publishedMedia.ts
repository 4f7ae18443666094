import type { Access } from 'payload'

import { keyReadsDrafts } from './apiKeys'
import { isReader } from './roles'

/**
 * Readers get the media published content shows, nothing else: an image uploaded for a draft, or
 * used only by a locale not yet published, is staff's (its record and its files alike: Payload
 * checks this access before serving a file). Which media those are is kept on each medium by the
 * writes of content (src/freshness/mediaUses.ts), so this is one indexed condition, whatever the
 * amount of content. A `read-drafts` key (previews) gets them all.
 */
export const publishedMediaOrStaff: Access = ({ req }) =>
  !isReader(req.user) || keyReadsDrafts(req.user) ? true : { usedByPublished: { equals: true } }
