import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { forgetPublicReads } from '../publicReadCache'

/** Any write may change what a public read returns (see forgetPublicReads). */
export const forgetPublicReadsAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  forgetPublicReads()
  return doc
}

export const forgetPublicReadsAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  forgetPublicReads()
  return doc
}
