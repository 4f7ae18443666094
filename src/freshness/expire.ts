import type { Payload } from 'payload'

import { isSearchTag } from '@/site/tags'

import { announceTags } from './changeBus'
import { tagsToExpire, type ChangeEvent } from './changeEvent'
import { expireInNext } from './nextCache'
import { expireTagsHere } from './taggedStore'

/**
 * Expires `tags` in this instance: the reads and pages this process keeps, then Next's data
 * cache, then this process's again, so that no page rendered from Next's data before Next
 * applied the expiry is kept. Readers' searches are kept by this process alone: Next never hears of their tags.
 */
export const expireInThisInstance = async (tags: string[]): Promise<void> => {
  expireTagsHere(tags)
  const nextTags = tags.filter((tag) => !isSearchTag(tag))
  if (nextTags.length === 0) return
  await expireInNext(nextTags)
  expireTagsHere(nextTags)
}

/** Tags a committed change expired: here at once, and on every other instance through PostgreSQL. */
export const expireEverywhere = async (payload: Payload, tags: string[]): Promise<void> => {
  if (tags.length === 0) return
  await Promise.all([expireInThisInstance(tags), announceTags(payload, tags)])
}

/** A committed change to public content (src/freshness/changeEvent.ts). */
export const applyChange = (payload: Payload, event: ChangeEvent): Promise<void> => expireEverywhere(payload, tagsToExpire(event))
