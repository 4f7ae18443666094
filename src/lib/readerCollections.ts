/**
 * The collections whose documents readers see: the site's pages, the public API, search, feeds,
 * webhooks, translation and import all take these three.
 */
export const readerCollections = ['articles', 'carriers', 'tips'] as const

export type ReaderCollection = (typeof readerCollections)[number]
