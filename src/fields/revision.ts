import type { NumberField } from 'payload'

import { signedIn } from '@/access/signedIn'

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
  admin: { hidden: true, readOnly: true },
})
