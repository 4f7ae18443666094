import type { CollectionConfig } from 'payload'

/**
 * Drafts with autosave, version history and scheduled publishing, for every content collection.
 * Each locale has its own status: publishing French leaves Chinese and English as they were.
 */
export const contentVersions: CollectionConfig['versions'] = {
  maxPerDoc: 50,
  drafts: {
    autosave: { interval: 800 },
    schedulePublish: true,
    localizeStatus: true,
  },
}
