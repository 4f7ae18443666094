import { ValidationError, type FieldHook } from 'payload'

import { translatorStatuses, type WorkflowStatus } from '@/translation/statuses'

import { hasRole } from './roles'

/**
 * A translator moves a translation to in-progress or needs-review; approving it (`done`) is an
 * editor's. A hook, not `validate`: validation is skipped for drafts, and translators save drafts.
 */
export const translatorsCannotApprove: FieldHook = ({ value, previousValue, req }) => {
  if (!hasRole(req.user, 'translator') || !value || value === previousValue) return value
  if (!translatorStatuses.includes(value as WorkflowStatus)) {
    throw new ValidationError({
      errors: [
        {
          path: 'translation.status',
          message: `translation.status: a translator may set ${translatorStatuses.join(' or ')}, not "${String(value)}".`,
        },
      ],
    })
  }
  return value
}
