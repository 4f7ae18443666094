import type { AdminText } from '@/lib/adminLabels'
import { inEveryLanguage } from '@/messages'

/** The dashboard's own words, in each language the admin speaks (src/messages/). */
export const dashboardLabels = inEveryLanguage((messages) => messages.dashboard) satisfies Record<string, AdminText>
