import type { DashboardConfig } from 'payload'

import { inAdminLanguage } from '@/lib/adminLabels'

import { dashboardLabels as text } from './labels'

/**
 * The dashboard: collections with their counts (under Payload's own slug `collections`, which
 * replaces its cards), the work waiting, and the latest changes. Users may rearrange them.
 */
export const dashboard: DashboardConfig = {
  widgets: [
    { slug: 'collections', label: inAdminLanguage(text.collections), Component: '/src/dashboard/CollectionCountsWidget#CollectionCountsWidget', minWidth: 'full' },
    { slug: 'work', label: inAdminLanguage(text.work), Component: '/src/dashboard/WorkWidget#WorkWidget', minWidth: 'medium' },
    { slug: 'recent-changes', label: inAdminLanguage(text.recent), Component: '/src/dashboard/RecentChangesWidget#RecentChangesWidget', minWidth: 'medium' },
  ],
  defaultLayout: [
    { widgetSlug: 'collections', width: 'full' },
    { widgetSlug: 'work', width: 'full' },
    { widgetSlug: 'recent-changes', width: 'full' },
  ],
}
