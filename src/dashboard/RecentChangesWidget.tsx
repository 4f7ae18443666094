import { formatDate } from '@payloadcms/ui/shared'
import type { WidgetServerProps } from 'payload'

import { adminLanguage, collectionLabels } from '@/lib/adminLabels'
import { adminDateFormat } from '@/fields/dates'
import { isLocale } from '@/lib/locales'
import { translatedCollections } from '@/translation/documents'

import { dashboardLabels as text } from './labels'

const shown = 8

type Change = { collection: (typeof translatedCollections)[number]; id: number; title: string; status?: string; updatedAt: string }

/**
 * The newest changes to articles, carriers and tips (drafts included), in the admin's content
 * locale: the `shown` newest of each collection, read with a limit, then merged.
 */
export const RecentChangesWidget = async ({ req, locale }: WidgetServerProps) => {
  const { payload, i18n, user } = req
  const lang = adminLanguage(i18n.language)
  const admin = payload.config.routes.admin
  const contentLocale = isLocale(locale?.code) ? locale.code : undefined
  const perCollection = await Promise.all(
    translatedCollections.map(async (collection) => {
      const titleField = payload.collections[collection].config.admin.useAsTitle ?? 'id'
      const { docs } = await payload.find({
        collection,
        draft: true,
        depth: 0,
        limit: shown,
        pagination: false,
        sort: '-updatedAt',
        locale: contentLocale,
        select: { [titleField]: true, updatedAt: true, _status: true },
        user,
        overrideAccess: false,
      })
      return docs.map((doc): Change => {
        const record = doc as unknown as Record<string, unknown>
        return {
          collection,
          id: doc.id,
          title: String(record[titleField] ?? doc.id),
          status: record._status as string | undefined,
          updatedAt: String(record.updatedAt),
        }
      })
    }),
  )
  const changes = perCollection
    .flat()
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, shown)
  const localeQuery = contentLocale ? `?locale=${contentLocale}` : ''
  return (
    <section className="lagon-dashboard lagon-dashboard--recent">
      <h2>{text.recent[lang]}</h2>
      {changes.length === 0 ? (
        <p>{text.nothingYet[lang]}</p>
      ) : (
        <ul className="lagon-dashboard__changes">
          {changes.map((change) => (
            <li key={`${change.collection}/${change.id}`} data-collection={change.collection}>
              <a href={`${admin}/collections/${change.collection}/${change.id}${localeQuery}`}>{change.title}</a>{' '}
              <a href={`${admin}/collections/${change.collection}${localeQuery}`} className="lagon-dashboard__list-link">
                {collectionLabels[change.collection].plural[lang]}
              </a>{' '}
              {change.status === 'draft' || change.status === 'published' ? (
                <span className={`lagon-dashboard__status lagon-dashboard__status--${change.status}`}>{text[change.status][lang]}</span>
              ) : null}{' '}
              <time dateTime={change.updatedAt}>{formatDate({ date: change.updatedAt, i18n, pattern: adminDateFormat })}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
