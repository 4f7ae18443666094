import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { isTranslator } from '@/access/translators'

import { guardTranslatorChanges } from '@/hooks/guardTranslatorChanges'

/**
 * Media have no drafts: a change is live at once, on every page that shows the image. A
 * translator changes only the alt text of their own locales (guardTranslatorChanges' rule); the
 * file, and with it the image in every locale, is an editor's to replace.
 */
export const guardTranslatorMedia: CollectionBeforeOperationHook = async (hookArgs) => {
  const { operation, req } = hookArgs
  const { overrideAccess } = hookArgs.args as { overrideAccess?: boolean }
  if (operation !== 'update' || overrideAccess || !isTranslator(req.user)) return hookArgs.args
  if (req.file) {
    const message = 'shared by every locale: only an editor replaces it.'
    throw new APIError(`file: ${message}`, 403, { errors: [{ path: 'file', message }] }, true)
  }
  // Its checks, without the draft save it asks for: media keep no versions.
  await guardTranslatorChanges(hookArgs)
  return hookArgs.args
}
