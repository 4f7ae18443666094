import type { NumberField } from 'payload'

import { signedIn } from '@/access/signedIn'

import { notInLists } from './notInLists'

/**
 * The document's revision: one more with every save (a draft, an autosave, a publish, a restore),
 * whatever locale it touches. Set by the save itself (`src/concurrency/`), never by the client:
 * REST reads by id give it as their ETag, and a save may ask `If-Match` for it.
 */
export const revisionField = (): NumberField => ({
  name: 'revision',
  type: 'number',
  defaultValue: 1,
  access: { read: signedIn },
  // Bookkeeping: neither on the form nor among the list's columns and filters.
  admin: { hidden: true, readOnly: true, ...notInLists },
})
