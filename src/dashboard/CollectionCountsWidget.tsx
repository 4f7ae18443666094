import { getTranslation } from '@payloadcms/translations'
import type { WidgetServerProps } from 'payload'

import { adminLanguage } from '@/lib/adminLabels'

import { dashboardLabels as text } from './labels'

/**
 * The dashboard's `collections` widget, in place of Payload's (whose "create new" buttons read
 * "Create new [object Object]" with labels in several languages): each collection the user may
 * read, how many documents it holds (a count query each), a link to its list and to a new one.
 */
export const CollectionCountsWidget = async ({ req, permissions }: WidgetServerProps) => {
  const { payload, i18n, user } = req
  const lang = adminLanguage(i18n.language)
  const admin = payload.config.routes.admin
  // Payload's own collections (preferences, locks, migrations, jobs) are hidden; ours never decide it per user.
  const shown = payload.config.collections.filter(({ slug, admin: { hidden } }) => hidden !== true && permissions?.collections?.[slug]?.read)
  const totals = await Promise.all(
    shown.map(async ({ slug }) => (await payload.count({ collection: slug, user, overrideAccess: false })).totalDocs),
  )
  return (
    <section className="lagon-dashboard lagon-dashboard--collections">
      <h2>{text.collections[lang]}</h2>
      <ul className="lagon-dashboard__cards">
        {shown.map(({ slug, labels }, index) => {
          const plural = getTranslation(labels.plural, i18n)
          return (
            <li key={slug} className="lagon-dashboard__card" data-collection={slug}>
              <a href={`${admin}/collections/${slug}`} className="lagon-dashboard__card-link">
                <span className="lagon-dashboard__card-title">{plural}</span>
                <span className="lagon-dashboard__count" data-count={totals[index]}>
                  {totals[index]}
                </span>{' '}
                <span className="lagon-dashboard__unit">{text.documents[lang]}</span>
              </a>
              {permissions?.collections?.[slug]?.create ? (
                <a
                  href={`${admin}/collections/${slug}/create`}
                  className="lagon-dashboard__create"
                  aria-label={`${text.createNew[lang]}: ${getTranslation(labels.singular, i18n)}`}
                >
                  +
                </a>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
