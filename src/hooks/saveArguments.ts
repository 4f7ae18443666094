import type { Where } from 'payload'

/**
 * What the save hooks (`beforeOperation` on update, updateByID and restoreVersion) read of the
 * operation's arguments: Payload types them loosely, as the arguments of every operation at once.
 */
export type SaveArguments = {
  id?: number | string | null
  where?: Where
  draft?: boolean
  data?: Record<string, unknown>
  overrideAccess?: boolean
  publishAllLocales?: boolean
  unpublishAllLocales?: boolean
  publishSpecificLocale?: string
}
