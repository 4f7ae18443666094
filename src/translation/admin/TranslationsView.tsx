import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { hasRole, roles } from '@/access/roles'
import { collectionLabels } from '@/lib/adminLabels'
import { bcp47, localeOfAdminLanguage, locales } from '@/lib/locales'
import { translatedCollections } from '@/translation/documents'
import { parseFilters, parsePage, reportPageSize, translationReport, type TranslationFilters } from '@/translation/report'
import { translationStatusLabels, translationStatuses } from '@/translation/statuses'

import { adminLanguage, translationAdminLabels as text } from './labels'

type Option = [value: string, label: string]

const FilterSelect = ({ name, label, value, options }: { name: string; label: string; value?: string; options: Option[] }) => (
  <label>
    {label}
    <select name={name} defaultValue={value ?? ''}>
      {options.map(([optionValue, optionLabel]) => (
        <option key={optionValue} value={optionValue}>
          {optionLabel}
        </option>
      ))}
    </select>
  </label>
)

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

/**
 * `/admin/translations`: every article, carrier and tip × target language with its status,
 * counts per status on top, one page of rows at a time (`?page=`, plain links). The filters are a plain GET form: no client code of its own, and
 * every filtered view is a URL that can be bookmarked or shared.
 */
export const TranslationsView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload, user, i18n } = req
  const lang = adminLanguage(i18n.language)
  const template = { i18n, locale, params, payload, permissions, searchParams, user: user ?? undefined, visibleEntities, req }
  const admin = payload.config.routes.admin
  // Payload leaves custom views to their own access check: visitors go to the login, and back.
  if (!user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/translations`)}`)
  if (!hasRole(user, ...roles)) return <DefaultTemplate {...template}>{null}</DefaultTemplate>

  const query = Object.fromEntries(Object.entries(searchParams ?? {}).map(([key, value]) => [key, single(value)]))
  const parsed = parseFilters(query)
  const filters: TranslationFilters = 'error' in parsed ? {} : parsed
  const pageAsked = parsePage({ page: query.page })
  const { counts, rows, page, totalPages } = await translationReport(payload, filters, 'error' in pageAsked ? { page: 1, limit: reportPageSize } : pageAsked)
  const staff = (
    await payload.find({ collection: 'users', depth: 0, limit: 0, pagination: false, sort: 'name', overrideAccess: true })
  ).docs
  const nameOf = new Map(staff.map((member) => [member.id, member.name]))
  const linkWith = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams()
    for (const [key, value] of Object.entries({ ...query, ...change })) if (value) next.set(key, value)
    return `${admin}/translations?${next}`
  }
  const dateFormat = new Intl.DateTimeFormat(bcp47(localeOfAdminLanguage(i18n.language)), { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <DefaultTemplate {...template}>
      <Gutter className="translations-dashboard">
        <h1>{text.dashboard[lang]}</h1>
        <p>{text.dashboardIntro[lang]}</p>
        {'error' in parsed ? <p className="translations-dashboard__error" role="alert">{parsed.error}</p> : null}
        <ul className="translations-dashboard__counts">
          {translationStatuses.map((status) => (
            <li key={status} data-status={status}>
              <a href={linkWith({ status, page: undefined })} aria-current={filters.status === status ? 'true' : undefined}>
                <span className="translations-dashboard__count">{counts[status]}</span>{' '}
                <span>{translationStatusLabels[status][lang]}</span>
              </a>
            </li>
          ))}
        </ul>
        <form method="get" action={`${admin}/translations`} className="translations-dashboard__filters">
          <FilterSelect
            name="collection"
            label={text.collection[lang]}
            value={filters.collection}
            options={[
              ['', text.any[lang]],
              ...translatedCollections.map((slug): Option => [slug, collectionLabels[slug].plural[lang]]),
            ]}
          />
          <FilterSelect
            name="locale"
            label={text.locale[lang]}
            value={filters.locale}
            options={[['', text.any[lang]], ...locales.map(({ code, label }): Option => [code, label])]}
          />
          <FilterSelect
            name="status"
            label={text.status[lang]}
            value={filters.status}
            options={[
              ['', text.any[lang]],
              ...translationStatuses.map((status): Option => [status, translationStatusLabels[status][lang]]),
            ]}
          />
          <FilterSelect
            name="assignee"
            label={text.assignee[lang]}
            value={filters.assignee === undefined ? undefined : String(filters.assignee)}
            options={[
              ['', text.any[lang]],
              ['none', text.nobody[lang]],
              ...staff.map((member): Option => [String(member.id), member.name]),
            ]}
          />
          <FilterSelect
            name="qa"
            label={text.qa[lang]}
            value={filters.qa}
            options={[
              ['', text.any[lang]],
              ['errors', text.qaHasErrors[lang]],
            ]}
          />
          <button type="submit" className="btn btn--style-primary btn--size-small">
            {text.filter[lang]}
          </button>
        </form>
        {rows.length === 0 ? (
          <p className="translations-dashboard__empty">{text.noRows[lang]}</p>
        ) : (
          <table className="translations-dashboard__table">
            <thead>
              <tr>
                <th>{text.document[lang]}</th>
                <th>{text.collection[lang]}</th>
                <th>{text.locale[lang]}</th>
                <th>{text.status[lang]}</th>
                <th>{text.assignee[lang]}</th>
                <th>{text.translatedAt[lang]}</th>
                <th>{text.qa[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.collection}/${row.id}/${row.locale}`} data-status={row.status}>
                  <td>
                    <a href={`${admin}/collections/${row.collection}/${row.id}?locale=${row.locale}`}>{row.title}</a>
                    {row.needsReverification ? (
                      <span className="translations-dashboard__reverify" data-reverify="true">
                        {' '}
                        ({text.needsReverification[lang]})
                      </span>
                    ) : null}
                  </td>
                  <td>{collectionLabels[row.collection].singular[lang]}</td>
                  <td>{locales.find(({ code }) => code === row.locale)?.label}</td>
                  <td>
                    <span className={`translation-status translation-status--${row.status}`}>
                      {translationStatusLabels[row.status][lang]}
                    </span>
                  </td>
                  <td>{row.assignee === null ? '—' : (nameOf.get(row.assignee) ?? row.assignee)}</td>
                  <td>{row.translatedAt ? dateFormat.format(new Date(row.translatedAt)) : '—'}</td>
                  <td className="translations-dashboard__qa" data-qa-errors={row.qa.errors} data-qa-warnings={row.qa.warnings}>
                    {row.qa.errors} {text.qaErrors[lang]}, {row.qa.warnings} {text.qaWarnings[lang]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {totalPages > 1 ? (
          <nav className="translations-dashboard__pages" aria-label={text.dashboard[lang]}>
            {page > 1 ? (
              <a href={linkWith({ page: page > 2 ? String(page - 1) : undefined })} rel="prev">
                {text.previousPage[lang]}
              </a>
            ) : null}{' '}
            <span>
              {page} / {totalPages}
            </span>{' '}
            {page < totalPages ? (
              <a href={linkWith({ page: String(page + 1) })} rel="next">
                {text.nextPage[lang]}
              </a>
            ) : null}
          </nav>
        ) : null}
      </Gutter>
    </DefaultTemplate>
  )
}
