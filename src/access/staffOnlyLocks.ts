import type { SanitizedConfig } from 'payload'

import { isStaff } from './isStaff'

/**
 * Payload adds its document locks (`payload-locked-documents`: which document, often a draft, is
 * open, and by whom) when it sanitizes the config, readable by anyone signed in, and an API key
 * signs in. Only staff, who edit, take or see locks.
 */
export const staffOnlyLocks = (config: SanitizedConfig): SanitizedConfig => {
  const locks = config.collections.find((collection) => collection.slug === 'payload-locked-documents')
  if (locks) Object.assign(locks.access, { read: isStaff, create: isStaff, update: isStaff, delete: isStaff })
  return config
}
