import { taggedStore } from '@/freshness/taggedStore'

export type CachedRead = { body: Uint8Array; etag: string; contentType: string }

/**
 * The API's anonymous reads of published content, each kept with the tags of what it returned
 * (src/freshness/readTags.ts) until a change expires one of them, or its TTL ends.
 */
const apiReads = taggedStore<CachedRead>('api', (read) => read.body.byteLength)

export const cachedPublicRead = apiReads.get

/** Bodies above this are served but not kept: a few large lists must not push out every article. */
const maxBodyBytes = 2 * 1024 * 1024

/** Keeps an answer within `limits`: the number of answers, and what their bodies weigh together. */
export const storePublicRead = (url: string, read: CachedRead, tags: string[], startedAt: number, limits: { entries: number; bytes: number }): void => {
  if (read.body.byteLength <= maxBodyBytes) apiReads.store(url, read, tags, startedAt, limits.entries, limits.bytes)
}
