import type { PayloadRequest } from 'payload'

import { hasRole } from '@/access/roles'
import { isBookkeeping, managedFields } from '@/access/translatorMayChange'
import { holdsLocalized } from '@/fields/tree'
import { adminLanguage } from '@/lib/adminLabels'
import { isLocale } from '@/lib/locales'
import { messagesOfRequest } from '@/messages'

import { renewSeconds } from '../parts'
import { conflictFields } from './conflictFields'
import { EditLocksBanner } from './EditLocksBanner'
import { editLockLabels, localeNames } from './labels'

type Props = { id?: number | string; collectionSlug?: string; req: PayloadRequest }

/**
 * At the top of a document's edit view: claims the part of the document this person edits (the
 * locale, and for editors the shared fields when free), renews it while the view is open, gives
 * it back on leaving, and says who holds a part they cannot save. New documents have no parts.
 */
export const EditLocks = ({ id, collectionSlug, req }: Props) => {
  if (id === undefined || !collectionSlug || !isLocale(req.locale) || req.user?.collection !== 'users') return null
  const lang = adminLanguage(req.i18n.language)
  const config = req.payload.collections[collectionSlug as keyof typeof req.payload.collections]?.config
  // The top-level fields that every locale shares and hold no translation: greyed out for non-holders.
  const sharedFields = (config?.flattenedFields ?? [])
    .filter((field) => !holdsLocalized(field))
    .filter((field) => !managedFields.has(field.name) && field.name !== '_status' && !isBookkeeping(field))
    .map((field) => field.name)
  return (
    <EditLocksBanner
      collection={collectionSlug}
      id={String(id)}
      locale={req.locale}
      claimShared={hasRole(req.user, 'admin', 'editor')}
      renewMs={renewSeconds * 1000}
      sharedFields={sharedFields}
      conflictFields={conflictFields(config?.flattenedFields ?? [], lang)}
      text={{
        localeHeldBy: editLockLabels.localeHeldBy[lang].replace('{locale}', localeNames[req.locale][lang]),
        sharedHeldBy: editLockLabels.sharedHeldBy[lang],
        sharedReleased: editLockLabels.sharedReleased[lang],
        reload: editLockLabels.reload[lang],
        takeOver: editLockLabels.takeOver[lang],
        takeOverHint: editLockLabels.takeOverHint[lang],
        conflict: messagesOfRequest(req).editConflict,
      }}
    />
  )
}
