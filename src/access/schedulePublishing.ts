import { schedulePublishHandler, type SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { Forbidden, type ServerFunction } from 'payload'

import { hasRole } from './roles'

/** Who publishes: admins and editors. Translators save drafts (see guardTranslatorChanges). */
export const mayPublish = (user: Parameters<typeof hasRole>[0]): boolean => hasRole(user, 'admin', 'editor')

/**
 * The admin's "schedule publish" (and cancelling a scheduled publication) as Payload serves it,
 * for those who may publish only: Payload's own handler lets anyone who reaches the admin queue a
 * publication of any document, or delete any scheduled one by its id.
 */
export const schedulePublishForPublishers: ServerFunction<SchedulePublishHandlerArgs> = (args) => {
  if (!mayPublish(args.req.user as Parameters<typeof hasRole>[0])) throw new Forbidden(args.req.t)
  return schedulePublishHandler(args)
}
