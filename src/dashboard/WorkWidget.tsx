import type { WidgetServerProps } from 'payload'

import { hasRole, roles } from '@/access/roles'
import { adminLanguage, collectionLabels } from '@/lib/adminLabels'
import { locales } from '@/lib/locales'
import { workCounts } from '@/translation/counts'
import { translatedCollections } from '@/translation/documents'
import { translationStatusLabels } from '@/translation/statuses'

import { dashboardLabels as text } from './labels'

/**
 * Drafts waiting, translations outdated and translations waiting for review, per collection and
 * locale; each number links to the list of what it counts.
 */
export const WorkWidget = async ({ req }: WidgetServerProps) => {
  const { payload, i18n, user } = req
  if (!hasRole(user, ...roles)) return null
  const lang = adminLanguage(i18n.language)
  const admin = payload.config.routes.admin
  const counts = await Promise.all(translatedCollections.map((collection) => workCounts(payload, collection)))
  const translationsOf = (collection: string, locale: string, status: string) =>
    `${admin}/translations?${new URLSearchParams({ collection, locale, status })}`
  const cell = (count: number, href: string, kind: string) => (
    <td data-kind={kind}>
      <a href={href} className="lagon-dashboard__count" data-count={count}>
        {count}
      </a>
    </td>
  )
  return (
    <section className="lagon-dashboard lagon-dashboard--work">
      <h2>{text.work[lang]}</h2>
      <p>{text.workIntro[lang]}</p>
      <table className="lagon-dashboard__table">
        <thead>
          <tr>
            <th />
            <th />
            <th>{text.drafts[lang]}</th>
            <th>{translationStatusLabels.outdated[lang]}</th>
            <th>{translationStatusLabels['needs-review'][lang]}</th>
          </tr>
        </thead>
        <tbody>
          {translatedCollections.flatMap((collection, index) =>
            locales.map(({ code, label }) => {
              const count = counts[index]![code] ?? { drafts: 0, outdated: 0, needsReview: 0 }
              return (
                <tr key={`${collection}/${code}`} data-collection={collection} data-locale={code}>
                  <th scope="row">{collectionLabels[collection].plural[lang]}</th>
                  <td>{label}</td>
                  {cell(count.drafts, `${admin}/collections/${collection}?locale=${code}&where[_status][equals]=draft`, 'drafts')}
                  {cell(count.outdated, translationsOf(collection, code, 'outdated'), 'outdated')}
                  {cell(count.needsReview, translationsOf(collection, code, 'needs-review'), 'needs-review')}
                </tr>
              )
            }),
          )}
        </tbody>
      </table>
    </section>
  )
}
