import type { CollectionConfig } from 'payload'

import { isAdmin } from './isAdmin'
import { isEditor } from './isEditor'
import { isStaff } from './isStaff'
import { publishedOrStaff } from './publishedOrStaff'
import { canEditLocale } from './translators'

/** Articles, carriers and tips: readers see what is published, editors create, staff edit (translators their locales), admins delete. */
export const contentAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: isStaff,
  create: isEditor,
  update: canEditLocale,
  delete: isAdmin,
}
